#include "views/attention_overview.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace bertlens {

AttentionOverview::AttentionOverview(QWidget *parent) : AnalysisView(parent), m_plot(new PlotWidget(this))
{
    m_knockoutMode = new QToolButton(this);
    m_knockoutMode->setCheckable(true);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_knockoutMode);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_plot);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &AttentionOverview::showMenu);
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
        const auto [layer, head] = mapAt(event->pos());
        if (layer == 0 || event->button() != Qt::LeftButton)
            return;
        if (m_knockoutMode->isChecked())
            Q_EMIT knockoutToggled(layer, head);
        else
            Q_EMIT mapActivated(layer, head);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const auto [layer, head] = mapAt(event->pos());
        if (layer == 0)
            return QToolTip::hideText();
        const bool off = m_knockout.heads.count({layer, head});
        QToolTip::showText(event->globalPosition().toPoint(),
                           m_knockoutMode->isChecked() ? (off ? tr("Layer %1, head %2 (knocked out) — click to switch it on again")
                                                              : tr("Layer %1, head %2 — click to knock it out"))
                                                             .arg(layer).arg(head + 1)
                                                       : tr("Layer %1, head %2 — click to open, right-click to knock out").arg(layer).arg(head + 1),
                           m_plot);
    });
    retranslateUi();
}

std::pair<int, int> AttentionOverview::mapAt(const QPoint &pos) const
{
    double key = 0, value = 0;
    m_map->pixelsToCoords(pos, key, value);
    const int stride = m_tokens + 1;
    if (m_tokens == 0 || key < -0.5 || value < -0.5)
        return {0, -1};
    const int head = int((key + 0.5) / stride), layer = int((value + 0.5) / stride);
    return head < m_heads && layer < m_layers ? std::pair(layer + 1, head) : std::pair(0, -1);
}

void AttentionOverview::showMenu(const QPoint &pos)
{
    const auto [layer, head] = mapAt(pos);
    QMenu menu(this);
    if (layer > 0) {
        const bool headOff = m_knockout.heads.count({layer, head}), ffnOff = m_knockout.ffn.count(layer);
        menu.addAction(tr("Open layer %1, head %2").arg(layer).arg(head + 1), this, [this, layer = layer, head = head] {
            Q_EMIT mapActivated(layer, head);
        });
        menu.addAction(headOff ? tr("Switch head %1:%2 on again").arg(layer).arg(head + 1) : tr("Knock out head %1:%2").arg(layer).arg(head + 1),
                       this, [this, layer = layer, head = head] { Q_EMIT knockoutToggled(layer, head); });
        menu.addAction(ffnOff ? tr("Switch the FFN of layer %1 on again").arg(layer) : tr("Knock out the FFN of layer %1").arg(layer),
                       this, [this, layer = layer] { Q_EMIT knockoutToggled(layer, -1); });
    }
    QAction *reset = menu.addAction(tr("Reset the knock-outs"), this, &AttentionOverview::knockoutResetRequested);
    reset->setEnabled(!m_knockout.empty());
    menu.exec(m_plot->mapToGlobal(pos));
}

std::vector<std::pair<int, int>> AttentionOverview::crossedOut() const
{
    std::vector<std::pair<int, int>> out;
    for (const auto &[layer, head] : m_knockout.heads)
        if (layer <= m_layers && head < m_heads && m_tokens > 0)
            out.emplace_back(layer, head);
    return out;
}

void AttentionOverview::retranslateUi()
{
    m_knockoutMode->setText(tr("Click knocks &out"));
    m_knockoutMode->setToolTip(tr("On: a click on a map switches that head off (crossed out) or on again, and every view, "
                                  "prediction and similarity follows. Off: a click opens the map."));
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
    // Knocked-out heads crossed out; a layer whose FFN is off says so beside its number.
    m_knockout = result.knockout;
    for (QCPItemLine *line : m_crosses)
        m_plot->removeItem(line);
    m_crosses.clear();
    for (const auto &[layer, head] : crossedOut())
        for (int diagonal = 0; diagonal < 2; ++diagonal) {
            auto *line = new QCPItemLine(m_plot);
            line->setPen(QPen(QColor(213, 94, 0), 3)); // Okabe–Ito vermilion
            const double left = head * stride - 0.5, right = head * stride + m_tokens - 0.5;
            const double top = (layer - 1) * stride - 0.5, bottom = (layer - 1) * stride + m_tokens - 0.5;
            line->start->setCoords(left, diagonal ? bottom : top);
            line->end->setCoords(right, diagonal ? top : bottom);
            m_crosses.push_back(line);
        }
    QSharedPointer<QCPAxisTickerText> headTicks(new QCPAxisTickerText), layerTicks(new QCPAxisTickerText);
    for (int h = 0; h < m_heads; ++h)
        headTicks->addTick(h * stride + (m_tokens - 1) / 2.0, QString::number(h + 1));
    for (int l = 0; l < m_layers; ++l)
        layerTicks->addTick(l * stride + (m_tokens - 1) / 2.0,
                            m_knockout.ffn.count(l + 1) ? tr("%1 (FFN off)").arg(l + 1) : QString::number(l + 1));
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
