#include "views/compare_view.h"

#include "views/heatmap_plot.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace bertlens {

CompareView::CompareView(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_layerLabel = new QLabel(this);
    m_layer = new QSpinBox(this);
    m_layer->setRange(-1, 0);
    m_layer->setValue(-1);
    m_a = new HeatmapPlot(this);
    m_b = new HeatmapPlot(this);
    m_difference = new HeatmapPlot(this);
    m_cka = new HeatmapPlot(this);
    m_cosine = new PlotWidget(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_layerLabel);
    controls->addWidget(m_layer);
    controls->addStretch();
    auto *grid = new QGridLayout;
    grid->addWidget(m_a, 0, 0);
    grid->addWidget(m_b, 0, 1);
    grid->addWidget(m_difference, 0, 2);
    grid->addWidget(m_cka, 1, 0, 1, 2);
    grid->addWidget(m_cosine, 1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_note);
    layout->addLayout(grid, 1);
    connect(m_layer, &QSpinBox::valueChanged, this, &CompareView::layerChanged);
    retranslateUi();
}

void CompareView::setLayerCount(int layersB)
{
    QSignalBlocker block(m_layer);
    m_layer->setRange(-1, layersB);
}

void CompareView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CompareView::showComparison(std::shared_ptr<const ModelComparison> comparison, const QString &nameA, const QString &nameB)
{
    m_comparison = std::move(comparison);
    m_nameA = nameA;
    m_nameB = nameB;
    const bool shown = bool(m_comparison);
    for (QWidget *w : std::initializer_list<QWidget *>{m_a, m_b, m_difference, m_cka, m_cosine, m_layer, m_layerLabel})
        w->setVisible(shown);
    if (!shown) {
        retranslateUi();
        return;
    }
    const ModelComparison &c = *m_comparison;
    QStringList rows;
    for (const std::string &label : c.rowLabels)
        rows << QString::fromStdString(label);
    if (c.sentenceCompared) {
        m_a->setMatrix(c.attentionA, rows, rows, QCPRange(0, 1), sequentialGradient());
        m_b->setMatrix(c.attentionB, rows, rows, QCPRange(0, 1), sequentialGradient());
        double largest = 0.05;
        for (float v : c.attentionDifference.values)
            largest = std::max(largest, double(std::abs(v)));
        m_difference->setMatrix(c.attentionDifference, rows, rows, QCPRange(-largest, largest), divergingGradient());
    } else {
        for (HeatmapPlot *p : {m_a, m_b, m_difference})
            p->clearMatrix();
    }
    QStringList layersA, layersB;
    for (int i = 0; i < c.cka.rows; ++i)
        layersA << QString::number(i);
    for (int j = 0; j < c.cka.cols; ++j)
        layersB << QString::number(j);
    if (c.comparedSentences > 0)
        m_cka->setMatrix(c.cka, layersA, layersB, QCPRange(0, 1), sequentialGradient());
    m_cka->setVisible(c.comparedSentences > 0);
    for (HeatmapPlot *p : {m_a, m_b, m_difference})
        p->setVisible(c.sentenceCompared);
    m_cosine->clearPlottables();
    if (!c.rowCosine.empty()) {
        auto *bars = new QCPBars(m_cosine->xAxis, m_cosine->yAxis);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (size_t i = 0; i < c.rowCosine.size(); ++i) {
            bars->addData(double(i), c.rowCosine[i]);
            ticker->addTick(double(i), rows.value(int(i)));
        }
        bars->setBrush(QColor(66, 146, 198));
        m_cosine->xAxis->setTicker(ticker);
        m_cosine->xAxis->setTickLabelRotation(60);
        m_cosine->xAxis->setRange(-0.6, double(c.rowCosine.size()) - 0.4);
        m_cosine->yAxis->setRange(std::min(0.0, *std::min_element(c.rowCosine.begin(), c.rowCosine.end())), 1.05);
    }
    m_cosine->setVisible(!c.rowCosine.empty());
    retranslateUi();
}

void CompareView::retranslateUi()
{
    m_layer->setAccessibleName(tr("Layer of the second model"));
    m_layerLabel->setText(tr("Layer of the second model:"));
    m_layer->setSpecialValueText(tr("the same as the first's"));
    if (!m_comparison) {
        m_title->setText(tr("File → Compare with… opens a second model: the same sentences run through both, and this tab "
                            "compares their attention and hidden states."));
        m_note->clear();
        return;
    }
    const ModelComparison &c = *m_comparison;
    const QString head = c.head < 0 ? tr("mean of the heads") : tr("head %1").arg(c.head + 1);
    m_title->setText(tr("A: %1, layer %2 — B: %3, layer %4 (%5)").arg(m_nameA).arg(c.layerA).arg(m_nameB).arg(c.layerB).arg(head));
    QStringList notes;
    if (c.byWords)
        notes << tr("The two tokenizers split the sentences differently: rows are words (pieces merged).");
    if (!c.skippedSentences.empty()) {
        QStringList numbers;
        for (int s : c.skippedSentences)
            numbers << QString::number(s + 1);
        notes << tr("Left out, since even their words differ between the models: sentence(s) %1.").arg(numbers.join(", "));
    }
    if (c.comparedSentences == 0)
        notes << tr("No sentence has the same words in both models, so there is nothing to compare.");
    if (c.rowCosine.empty() && c.sentenceCompared)
        notes << tr("The models have vectors of different lengths: no cosine between them; CKA compares them all the same.");
    m_note->setText(notes.join(" "));
    m_a->setAxisTitles(tr("from"), tr("to"), tr("A: attention"));
    m_b->setAxisTitles(tr("from"), tr("to"), tr("B: attention"));
    m_difference->setAxisTitles(tr("from"), tr("to"), tr("B − A"));
    m_cka->setAxisTitles(tr("layer of A"), tr("layer of B"), tr("linear CKA"));
    m_cosine->yAxis->setLabel(tr("cosine of A's and B's vectors"));
    for (PlotWidget *p : {static_cast<PlotWidget *>(m_a), static_cast<PlotWidget *>(m_b), static_cast<PlotWidget *>(m_difference),
                          static_cast<PlotWidget *>(m_cka), m_cosine})
        p->replot();
}

} // namespace bertlens
