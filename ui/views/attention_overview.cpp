#include "views/attention_overview.h"

#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace bertlens {

AttentionOverview::AttentionOverview(QWidget *parent) : AnalysisView(parent), m_plot(new PlotWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setMinimumMargins(QMargins(6, 0, 6, 0));
    m_map->setColorScale(m_scale);
    // The colour bar spans exactly the plot's height, so its ends (0 and 1) are visible.
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_map->setVisible(false);
    QCPColorGradient gradient = sequentialGradient();
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, 1));
    m_plot->yAxis->setRangeReversed(true);
    m_plot->axisRect()->setBackground(QColor(190, 190, 190)); // shows through the gaps between the maps
    m_current = new QCPItemRect(m_plot);
    m_current->setPen(QPen(QColor(255, 140, 0), 3));
    m_current->setVisible(false);
    m_title = new QCPTextElement(m_plot);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        double key = 0, value = 0;
        m_map->pixelsToCoords(event->pos(), key, value);
        const int stride = m_tokens + 1;
        if (m_tokens == 0 || key < -0.5 || value < -0.5)
            return;
        const int head = int((key + 0.5) / stride), layer = int((value + 0.5) / stride);
        if (head < m_heads && layer < m_layers)
            Q_EMIT mapActivated(layer + 1, head);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        double key = 0, value = 0;
        m_map->pixelsToCoords(event->pos(), key, value);
        const int stride = m_tokens + 1;
        if (m_tokens == 0 || key < -0.5 || value < -0.5)
            return QToolTip::hideText();
        const int head = int((key + 0.5) / stride), layer = int((value + 0.5) / stride);
        if (head < m_heads && layer < m_layers)
            QToolTip::showText(event->globalPosition().toPoint(), tr("Layer %1, head %2 — click to open").arg(layer + 1).arg(head + 1), m_plot);
    });
    retranslateUi();
}

void AttentionOverview::retranslateUi()
{
    m_plot->xAxis->setLabel(tr("head"));
    m_plot->yAxis->setLabel(tr("layer"));
    m_scale->axis()->setLabel(tr("attention weight"));
    m_title->setText(tr("Sentence %1: every layer (rows) and head (columns); click a map to open it").arg(m_sentence + 1));
    m_plot->setTitle(m_tokens > 0 ? tr("Sentence %1: the attention of every layer (rows) and head (columns), by WordPiece").arg(m_sentence + 1)
                                  : QString());
    m_plot->replot();
}

void AttentionOverview::showData(const ViewInput &input)
{
    const AnalysisResult &result = input.result;
    const int sentence = input.view.selection.sentence;
    m_sentence = sentence;
    m_layers = result.numLayers;
    m_heads = result.numHeads;
    m_tokens = result.sentences.empty() ? 0 : result.sentences[size_t(sentence)].encoding.size();
    const int stride = m_tokens + 1; // one transparent cell between tiles
    const int width = std::max(1, m_heads * stride - 1), height = std::max(1, m_layers * stride - 1);
    m_map->data()->setSize(width, height);
    m_map->data()->setRange(QCPRange(0, width - 1), QCPRange(0, height - 1));
    m_map->data()->fill(std::nan(""));
    m_map->setVisible(m_tokens > 0);
    if (m_tokens > 0) {
        const auto &maps = result.sentences[size_t(sentence)].attention;
        for (int l = 0; l < m_layers; ++l)
            for (int h = 0; h < m_heads; ++h)
                for (int i = 0; i < m_tokens; ++i)
                    for (int j = 0; j < m_tokens; ++j)
                        m_map->data()->setCell(h * stride + j, l * stride + i, maps[size_t(l)][size_t(h)].at(i, j));
    }
    QSharedPointer<QCPAxisTickerText> headTicks(new QCPAxisTickerText), layerTicks(new QCPAxisTickerText);
    for (int h = 0; h < m_heads; ++h)
        headTicks->addTick(h * stride + (m_tokens - 1) / 2.0, QString::number(h + 1));
    for (int l = 0; l < m_layers; ++l)
        layerTicks->addTick(l * stride + (m_tokens - 1) / 2.0, QString::number(l + 1));
    m_plot->xAxis->setTicker(headTicks);
    m_plot->yAxis->setTicker(layerTicks);
    m_plot->xAxis->setSubTicks(false);
    m_plot->yAxis->setSubTicks(false);
    m_plot->xAxis->setRange(-0.5, width - 0.5);
    m_plot->yAxis->setRange(-0.5, height - 0.5);
    // The map the Attention tab shows is outlined (with the mean of the heads, the whole layer).
    m_currentLayer = input.view.attentionLayer;
    m_currentHead = input.view.selection.head;
    const int first = m_currentHead < 0 ? 0 : m_currentHead, last = m_currentHead < 0 ? m_heads - 1 : m_currentHead;
    m_current->setVisible(m_tokens > 0 && !input.view.selection.rollout && m_currentLayer >= 1 && m_currentLayer <= m_layers);
    m_current->topLeft->setCoords(first * stride - 0.5, (m_currentLayer - 1) * stride - 0.5);
    m_current->bottomRight->setCoords(last * stride + m_tokens - 0.5, (m_currentLayer - 1) * stride + m_tokens - 0.5);
    retranslateUi();
}

std::pair<int, int> AttentionOverview::outlinedMap() const
{
    return m_current->visible() ? std::pair(m_currentLayer, m_currentHead) : std::pair(0, -1);
}

double AttentionOverview::mapValue(int layer, int head, int from, int to) const
{
    const int stride = m_tokens + 1;
    return m_map->data()->cell(head * stride + to, (layer - 1) * stride + from);
}

} // namespace bertlens
