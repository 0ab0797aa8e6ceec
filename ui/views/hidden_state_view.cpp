#include "views/hidden_state_view.h"

#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace bertlens {

namespace {

QColor tokenColour(int index, int count)
{
    return QColor::fromHsvF(std::fmod(0.61803 * index, 1.0), 0.75, 0.8 - 0.2 * (index % 2), count > 24 ? 0.6 : 1.0);
}

} // namespace

HiddenStateView::HiddenStateView(QWidget *parent) : AnalysisView(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_heatmap = new HeatmapPlot(this);
    m_norms = new PlotWidget(this);
    // The legend sits in its own column right of the plot, so it never covers the lines.
    m_norms->legend->setVisible(true);
    auto *legendRect = new QCPLayoutGrid;
    m_norms->plotLayout()->addElement(0, 1, legendRect);
    m_norms->axisRect()->insetLayout()->take(m_norms->legend);
    legendRect->addElement(0, 0, m_norms->legend);
    m_norms->plotLayout()->setColumnStretchFactor(1, 0.001);
    // Every token listed: the legend wraps into further columns instead of dropping entries.
    m_norms->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_norms->legend->setWrap(12);
    legendRect->setMargins(QMargins(0, 0, 0, 0));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_heatmap);
    splitter->addWidget(m_norms);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
    connect(m_heatmap, &HeatmapPlot::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < int(m_rowFirstToken.size()))
            Q_EMIT tokenActivated(m_rowFirstToken[size_t(row)]);
    });
    retranslateUi();
}

void HiddenStateView::retranslateUi()
{
    const QString title = tr("Sentence %1 — hidden states at layer %2 (0 = embeddings)").arg(m_sentence + 1).arg(m_layer) + unitsPhrase(m_words);
    m_title->setText(m_hasSentence ? title : tr("Type a sentence to see its hidden states."));
    m_heatmap->setTitle(m_hasSentence ? title : QString());
    m_norms->setTitle(m_hasSentence ? tr("Sentence %1 — the length of each token's vector through the layers").arg(m_sentence + 1) + unitsPhrase(m_words)
                                    : QString());
    m_heatmap->setAxisTitles(tr("token"), tr("dimension"), tr("activation"));
    m_norms->xAxis->setLabel(tr("layer"));
    m_norms->yAxis->setLabel(tr("vector norm ‖h‖"));
    m_heatmap->replot();
    m_norms->replot();
}

void HiddenStateView::showData(const ViewInput &input)
{
    const ViewData &view = input.view;
    m_layer = view.selection.layer;
    m_sentence = view.selection.sentence;
    m_words = view.selection.words;
    m_hasSentence = !input.result.sentences.empty();
    QStringList tokens;
    for (const auto &label : view.rowLabels)
        tokens << QString::fromStdString(label);
    m_rowFirstToken = view.rowFirstToken;
    // Symmetric colour range so that white means zero.
    float extent = 0;
    for (float v : view.hidden.values)
        extent = std::max(extent, std::abs(v));
    m_heatmap->setMatrix(view.hidden, tokens, {}, QCPRange(-std::max(extent, 1e-6f), std::max(extent, 1e-6f)), divergingGradient());
    m_heatmap->setHighlightedRow(view.selectedRow);

    m_norms->clearGraphs();
    for (int i = 0; i < view.tokenNorms.rows; ++i) {
        QCPGraph *g = m_norms->addGraph();
        const QColor colour = tokenColour(i, view.tokenNorms.rows);
        g->setPen(QPen(colour, i == view.selectedRow ? 4 : 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 5));
        g->setName(QString("%1 %2").arg(i).arg(tokens.value(i)));
        for (int l = 0; l < view.tokenNorms.cols; ++l)
            g->addData(l, view.tokenNorms.at(i, l));
    }
    m_norms->xAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
    m_norms->xAxis->ticker().dynamicCast<QCPAxisTickerFixed>()->setTickStep(1);
    m_norms->rescaleAxes();
    m_norms->xAxis->setRange(-0.3, std::max(1, view.tokenNorms.cols - 1) + 0.3);
    m_norms->yAxis->scaleRange(1.1);
    retranslateUi();
}

} // namespace bertlens
