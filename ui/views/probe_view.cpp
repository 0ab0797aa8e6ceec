#include "views/probe_view.h"

#include "analysis/probe/lesson_sets.h"
#include "export/probe_csv.h"
#include "views/plot_widget.h"
#include "views/view_style.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace bertlens {

ProbeView::ProbeView(QWidget *parent) : QWidget(parent)
{
    m_set = new QComboBox(this);
    for (const std::string &path : lessonSetPaths())
        m_set->addItem(QString(), QString::fromStdString(path));
    m_open = new QPushButton(this);
    m_pooling = new QComboBox(this);
    m_folds = new QSpinBox(this);
    m_folds->setRange(2, 20);
    m_folds->setValue(5);
    m_run = new QPushButton(this);
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_plot = new PlotWidget(this);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->setDataProvider([this] { return m_result ? probeCsv(*m_result) : std::string(); });
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_set, 1);
    controls->addWidget(m_open);
    controls->addWidget(m_pooling);
    controls->addWidget(m_folds);
    controls->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);
    connect(m_open, &QPushButton::clicked, this, &ProbeView::openRequested);
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_busy)
            Q_EMIT stopRequested();
        else if (!setPath().isEmpty())
            Q_EMIT runRequested(setPath(), Pooling(m_pooling->currentData().toInt()), m_folds->value());
    });
    retranslateUi();
}

void ProbeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString ProbeView::setPath() const { return m_set->currentData().toString(); }

void ProbeView::addSetFile(const QString &path)
{
    int at = m_set->findData(path);
    if (at < 0) {
        m_set->addItem(setTitle(path), path);
        at = m_set->count() - 1;
    }
    m_set->setCurrentIndex(at);
}

QString ProbeView::setTitle(const QString &path) const
{
    const QString name = QFileInfo(path).fileName();
    if (name == "probe-question-order-en.tsv")
        return tr("Lesson: statement or question? Same words, another order (English)");
    if (name == "probe-hen-bu-zh.tsv")
        return tr("Lesson: 很不 or 不很? Same characters, another order (Chinese)");
    return name;
}

void ProbeView::setBusy(bool busy)
{
    m_busy = busy;
    retranslateUi();
}

QString ProbeView::summary() const { return m_summary->text(); }

void ProbeView::showResult(std::shared_ptr<const ProbeResult> result, const QString &path, int lines)
{
    m_result = std::move(result);
    m_resultPath = path;
    m_lines = lines;
    draw();
}

void ProbeView::retranslateUi()
{
    for (int i = 0; i < m_set->count(); ++i)
        m_set->setItemText(i, setTitle(m_set->itemData(i).toString()));
    m_set->setAccessibleName(tr("Labelled set to probe"));
    m_open->setText(tr("Open labelled set…"));
    m_open->setToolTip(tr("A text file with one example per line: TEXT<TAB>LABEL, or TEXT<TAB>TEXT_B<TAB>LABEL for pairs"));
    m_pooling->setAccessibleName(tr("Pooling of the sentence vectors"));
    fillPoolingCombo(m_pooling);
    setSpinBoxName(m_folds, tr("Cross-validation folds"));
    m_folds->setPrefix(tr("folds: "));
    m_run->setText(m_busy ? tr("Stop") : tr("Probe every layer"));
    m_explanation->setText(tr("Which layer knows the labels? At every layer a linear classifier (a probe) learns the label from "
                              "the sentence vectors of some lines and is tested on the others (cross-validated). The same probe "
                              "trained on shuffled labels is the control: what it scores, any vectors let a probe memorise. "
                              "Accuracy above the control is what the layer knows."));
    draw();
}

void ProbeView::draw()
{
    m_plot->clearGraphs();
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->xAxis->setLabel(tr("Layer (0 = embeddings)"));
    m_plot->yAxis->setLabel(tr("Accuracy on held-out lines (%)"));
    m_plot->yAxis->setRange(0, 105);
    if (!m_result || m_result->layers.empty()) {
        m_summary->setText(m_busy ? tr("Probing…") : tr("Choose a labelled set and press “Probe every layer”."));
        m_plot->setTitle(QString());
        m_plot->replot();
        return;
    }
    const ProbeResult &r = *m_result;
    auto curve = [&](bool control, const QColor &colour, const QString &name) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(colour, control ? 2 : 3, control ? Qt::DashLine : Qt::SolidLine));
        graph->setScatterStyle(QCPScatterStyle(control ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc, QPen(colour, 2), colour, 8));
        auto *spread = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        spread->removeFromLegend();
        spread->setDataPlottable(graph);
        spread->setPen(QPen(colour, 1.5));
        for (const LayerProbe &p : r.layers) {
            const auto &folds = control ? p.control : p.accuracy;
            graph->addData(p.layer, 100 * LayerProbe::mean(folds));
            spread->addData(100 * LayerProbe::deviation(folds));
        }
    };
    curve(false, sentenceColour(0), tr("probe (mean ± sd over the folds)"));
    curve(true, QColor(150, 150, 150), tr("control: shuffled labels"));
    auto *floor = new QCPItemStraightLine(m_plot);
    floor->point1->setCoords(0, 100 * r.majority);
    floor->point2->setCoords(1, 100 * r.majority);
    floor->setPen(QPen(QColor(200, 80, 60), 1.5, Qt::DotLine));
    auto *floorLabel = new QCPItemText(m_plot);
    floorLabel->position->setCoords(r.layers.back().layer, 100 * r.majority);
    floorLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    floorLabel->setText(tr("always the most common label: %1%").arg(100 * r.majority, 0, 'f', 0));
    floorLabel->setColor(QColor(200, 80, 60));
    m_plot->xAxis->setRange(-0.3, r.layers.back().layer + 0.3);
    auto best = std::max_element(r.layers.begin(), r.layers.end(), [](const LayerProbe &a, const LayerProbe &b) {
        return LayerProbe::mean(a.accuracy) - LayerProbe::mean(a.control) < LayerProbe::mean(b.accuracy) - LayerProbe::mean(b.control);
    });
    m_plot->setTitle(tr("%1: probe accuracy by layer").arg(setTitle(m_resultPath)));
    m_summary->setText(tr("%1 lines, %2 labels, %3 folds. Most above its control: layer %4 (%5% against %6%); the embeddings "
                          "(layer 0): %7%.")
                           .arg(m_lines).arg(r.labels.size()).arg(r.folds).arg(best->layer)
                           .arg(100 * LayerProbe::mean(best->accuracy), 0, 'f', 1).arg(100 * LayerProbe::mean(best->control), 0, 'f', 1)
                           .arg(100 * LayerProbe::mean(r.layers.front().accuracy), 0, 'f', 1));
    m_plot->replot();
}

} // namespace bertlens
