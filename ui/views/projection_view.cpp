#include "views/projection_view.h"

#include "export/csv_format.h"
#include "views/map_controls.h"
#include "views/map_text.h"
#include "views/view_style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <map>
#include <set>

namespace bertlens {

ProjectionView::ProjectionView(QWidget *parent) : AnalysisView(parent)
{
    m_mode = new QComboBox(this);
    m_mode->addItems({QString(), QString(), QString()});
    m_pooling = new QComboBox(this);
    m_controls = new MapControls(3, 4, 20, this);
    m_withoutSpecial = new QCheckBox(this);
    m_controls->addTrailing(m_withoutSpecial);
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_plot = new PlotWidget(this);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mode);
    controls->addWidget(m_pooling);
    controls->addStretch();
    controls->addWidget(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_controls);
    layout->addWidget(m_plot, 1);
    connect(m_controls->methodBox(), &QComboBox::activated, this, [this] { Q_EMIT methodChanged(m_controls->method()); });
    connect(m_controls->seedBox(), &QSpinBox::editingFinished, this, [this] {
        if (uint64_t(m_controls->seedBox()->value()) != m_seedShown)
            Q_EMIT seedChanged(m_controls->seedBox()->value());
    });
    connect(m_controls->colourBox(), &QComboBox::activated, this, [this](int i) { Q_EMIT colourChanged(MapColour(i)); });
    connect(m_controls->clustersBox(), &QSpinBox::editingFinished, this, [this] {
        if (m_controls->clustersBox()->value() != m_k)
            Q_EMIT clustersChanged(m_controls->clustersBox()->value());
    });
    connect(m_controls->stopButton(), &QToolButton::clicked, this, &ProjectionView::stopRequested);
    connect(m_withoutSpecial, &QCheckBox::toggled, this, [this](bool on) {
        if (on != m_selection.mapWithoutSpecial)
            Q_EMIT withoutSpecialChanged(on);
    });
    connect(m_mode, &QComboBox::activated, this, [this](int i) { Q_EMIT modeChanged(ProjectionMode(i)); });
    connect(m_pooling, &QComboBox::activated, this,
            [this](int i) { Q_EMIT poolingChanged(Pooling(m_pooling->itemData(i).toInt())); });
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        for (QCPAbstractItem *ring : m_rings)
            m_plot->removeItem(ring);
        m_rings.clear();
        if (m_highlighted >= 0)
            ringPoint(m_highlighted, QColor(220, 30, 60), 11);
        markSearched();
        m_plot->replot();
    });
    m_plot->setDataProvider([this] {
        const std::string axes = m_methodShown == MapMethod::Pca ? "pc1,pc2" : m_methodShown == MapMethod::Umap ? "umap1,umap2" : "tsne1,tsne2";
        std::string out = "sentence,token_index,layer,label," + axes + (m_pointClusters.empty() ? "" : ",cluster") + "\n";
        for (const auto &p : m_points) {
            out += std::to_string(p.sentence) + "," + std::to_string(p.token) + "," + std::to_string(p.layer) + ",";
            appendCsvField(out, p.label);
            out += ",";
            appendFloat(out, float(p.x));
            out += ",";
            appendFloat(out, float(p.y));
            const size_t i = size_t(&p - m_points.data());
            if (i < m_pointClusters.size())
                out += "," + std::to_string(m_pointClusters[i] + 1);
            out += "\n";
        }
        return out;
    });
    m_plot->setMouseTracking(true);
    // Fitted again when the plot's size changes (fitted once, the aspect held only for the size the
    // view had when its data came, and a screenshot depended on which came first); then the labels
    // at this replot's pixel positions.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (!m_points.empty() && m_plot->axisRect()->rect().size() != m_fittedSize) {
            fitEqualAspect();
            m_plot->axisRect()->update(QCPLayoutElement::upPreparation); // the ticks of the new ranges, for this replot
        }
        hideOverlappingLabels();
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        for (size_t i = 0; i < m_points.size(); ++i) {
            const QPointF p(m_plot->xAxis->coordToPixel(m_points[i].x), m_plot->yAxis->coordToPixel(m_points[i].y));
            if (QLineF(p, event->position()).length() < 7) {
                const auto &pt = m_points[i];
                QToolTip::showText(event->globalPosition().toPoint(),
                                   tr("%1 — sentence %2, layer %3").arg(QString::fromStdString(pt.label)).arg(pt.sentence + 1).arg(pt.layer)
                                       + (i < m_pointClusters.size() ? "\n" + tr("Cluster %1").arg(m_pointClusters[i] + 1) : QString()),
                                   m_plot);
                return;
            }
        }
        QToolTip::hideText();
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        for (const auto &pt : m_points) {
            const QPointF p(m_plot->xAxis->coordToPixel(pt.x), m_plot->yAxis->coordToPixel(pt.y));
            if (QLineF(p, event->position()).length() < 7 && pt.token >= 0) {
                Q_EMIT tokenActivated(pt.sentence, pt.token);
                return;
            }
        }
    });
    retranslateUi();
}

void ProjectionView::retranslateUi()
{
    m_mode->setAccessibleName(tr("What the plane shows"));
    m_pooling->setAccessibleName(tr("Pooling of the sentence vectors"));
    m_search->setAccessibleName(tr("Find a word"));
    m_controls->retranslate(tr("Map method"), tr("Seed of the map"), tr("Colour the points by"), tr("Number of k-means clusters"),
                       {tr("Colour by sentence"), tr("Colour by word"), tr("Colour by k-means cluster")});
    m_withoutSpecial->setText(tr("Leave out special to&kens"));
    m_withoutSpecial->setToolTip(tr("Map the words only: [CLS], [SEP] and the like form a group of their own that pushes the words together"));
    m_mode->setItemText(0, tr("Token vectors (all sentences)"));
    m_mode->setItemText(1, tr("Sentence vectors"));
    m_mode->setItemText(2, tr("Trajectory of the selected token"));
    m_search->setPlaceholderText(tr("Find a word…"));
    m_search->setToolTip(tr("Rings every point of this word"));
    fillPoolingCombo(m_pooling);
    m_title->setText(title());
    m_plot->setTitle(m_points.empty() ? QString() : title() + (m_modeShown == ProjectionMode::Sentences ? QString() : unitsPhrase(m_words)));
    m_plot->xAxis->setLabel(axisTitle(0));
    m_plot->yAxis->setLabel(axisTitle(1));
    // The legend too: an exported PNG must not keep the previous language.
    for (int g = 0; g < m_plot->graphCount() && g < int(m_graphSentences.size()); ++g)
        m_plot->graph(g)->setName(graphName(m_graphSentences[size_t(g)]));
    // What the map is, and how well it keeps neighbourhoods.
    QStringList quality;
    if (m_modeShown != ProjectionMode::Trajectory && m_methodWanted != MapMethod::Pca)
        quality << (m_map && m_methodShown == m_methodWanted ? MapText::figures(*m_map)
                    : m_stopped                              ? MapText::stopped(m_methodWanted)
                                                             : MapText::forming(m_methodWanted, m_controls->seedBox()->value(), m_step, m_steps));
    if (m_modeShown != ProjectionMode::Trajectory && m_methodWanted == MapMethod::Pca && m_pcaQuality)
        quality << MapText::planeQuality(*m_pcaQuality);
    if (!m_pointClusters.empty())
        quality << MapText::clusters(m_k, m_silhouette);
    m_controls->setDescription(quality);
    m_plot->replot();
}

QString ProjectionView::axisTitle(int axis) const
{
    return MapText::axis(m_modeShown == ProjectionMode::Trajectory ? MapMethod::Pca : m_methodShown, axis, m_explained);
}

QString ProjectionView::graphName(int sentence) const
{
    if (m_colourShown == MapColour::Cluster)
        return tr("Cluster %1").arg(sentence + 1);
    if (m_colourShown == MapColour::Word)
        return sentence < int(m_wordNames.size()) ? m_wordNames[size_t(sentence)] : QString();
    if (m_trajectory && !m_points.empty())
        return tr("Sentence %1, token %2, layers 0–%3").arg(sentence + 1).arg(m_points.front().token).arg(int(m_points.size()) - 1);
    return tr("Sentence %1").arg(sentence + 1);
}

int ProjectionView::highlightedPoint() const { return m_highlighted; }

QString ProjectionView::qualityText() const { return m_controls->description(); }

QComboBox *ProjectionView::methodBox() const { return m_controls->methodBox(); }

QString ProjectionView::title() const
{
    const QString method = QString::fromUtf8(mapMethodName(m_methodShown).label);
    switch (m_modeShown) {
    case ProjectionMode::Tokens: return tr("Layer %1: the token vectors of every sentence (%2)").arg(m_layer).arg(method);
    case ProjectionMode::Sentences: return tr("Layer %1: one vector per sentence (%2)").arg(m_layer).arg(method);
    case ProjectionMode::Trajectory: return tr("Sentence %1, token %2: its vector through layers 0–%3 (PCA)").arg(m_sentence + 1).arg(m_token).arg(int(m_points.size()) - 1);
    }
    return {};
}

QVector<QPointF> ProjectionView::plottedPoints() const
{
    QVector<QPointF> out;
    for (int g = 0; g < m_plot->graphCount(); ++g)
        for (auto it = m_plot->graph(g)->data()->constBegin(); it != m_plot->graph(g)->data()->constEnd(); ++it)
            out << QPointF(it->key, it->value);
    return out;
}

void ProjectionView::showData(const ViewInput &input)
{
    const ViewData &view = input.view;
    m_points = view.points;
    m_words = view.selection.words;
    m_explained = view.explainedRatio;
    m_layer = view.selection.layer;
    m_sentence = view.selection.sentence;
    m_modeShown = view.selection.projection;
    m_selection = view.selection;
    m_token = m_points.empty() ? 0 : m_points.front().token;
    m_mode->setCurrentIndex(int(view.selection.projection));
    m_pooling->setEnabled(view.selection.projection == ProjectionMode::Sentences);
    const bool trajectory = view.selection.projection == ProjectionMode::Trajectory;
    m_methodWanted = trajectory ? MapMethod::Pca : view.selection.mapMethod;
    m_methodShown = MapMethod::Pca; // until the map comes (showLayout, showMap)
    m_pcaPoints = m_points;
    m_pcaQuality = view.pcaQuality;
    m_stopped = false;
    m_map.reset();
    m_step = m_steps = 0;
    m_controls->methodBox()->setCurrentIndex(m_controls->methodBox()->findData(int(view.selection.mapMethod)));
    m_controls->methodBox()->setEnabled(!trajectory);
    m_seedShown = view.selection.mapSeed;
    m_controls->seedBox()->setValue(int(view.selection.mapSeed));
    m_controls->seedBox()->setVisible(m_methodWanted != MapMethod::Pca);
    m_colourShown = trajectory ? MapColour::Sentence : view.selection.colour;
    m_controls->colourBox()->setCurrentIndex(int(view.selection.colour));
    m_controls->colourBox()->setEnabled(!trajectory);
    m_k = view.selection.clusters;
    m_controls->clustersBox()->setValue(m_k);
    m_controls->clustersBox()->setVisible(m_colourShown == MapColour::Cluster);
    m_pointClusters = view.clusters;
    m_silhouette = view.silhouette;
    m_controls->stopButton()->setVisible(false);
    {
        const QSignalBlocker block(m_withoutSpecial);
        m_withoutSpecial->setChecked(view.selection.mapWithoutSpecial);
    }
    m_withoutSpecial->setEnabled(view.selection.projection == ProjectionMode::Tokens);
    draw();
}

void ProjectionView::showLayout(const Matrix &layout, int step, int steps)
{
    if (layout.rows != int(m_points.size()))
        return;
    for (size_t i = 0; i < m_points.size(); ++i)
        m_points[i].x = layout.at(int(i), 0), m_points[i].y = layout.at(int(i), 1);
    m_methodShown = m_methodWanted;
    m_step = step, m_steps = steps;
    m_controls->stopButton()->setVisible(step < steps);
    draw();
}

void ProjectionView::showMap(const MapResult &map)
{
    m_map = map;
    m_controls->stopButton()->setVisible(false);
    showLayout(map.layout, 1, 1);
}

void ProjectionView::showMapStopped()
{
    m_controls->stopButton()->setVisible(false);
    m_methodShown = MapMethod::Pca;
    m_points = m_pcaPoints;
    m_step = m_steps = 0;
    m_stopped = true;
    draw();
}

void ProjectionView::draw()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_rings.clear();
    const bool trajectory = m_modeShown == ProjectionMode::Trajectory;
    m_trajectory = trajectory;
    m_graphSentences.clear();
    m_wordNames.clear();
    // One graph per colour: a sentence, a word, or a cluster.
    std::map<std::string, int> wordIndex;
    auto groupOf = [&](size_t i) {
        if (m_colourShown == MapColour::Cluster && i < m_pointClusters.size())
            return m_pointClusters[i];
        if (m_colourShown == MapColour::Word) {
            const auto [it, added] = wordIndex.emplace(m_points[i].label, int(wordIndex.size()));
            if (added)
                m_wordNames.push_back(QString::fromStdString(m_points[i].label));
            return it->second;
        }
        return m_points[i].sentence;
    };
    std::vector<int> groups(m_points.size());
    for (size_t i = 0; i < m_points.size(); ++i)
        groups[i] = groupOf(i);
    std::map<int, QCPGraph *> graphs; // in the order of the groups, for the legend
    for (int group : std::set<int>(groups.begin(), groups.end())) {
        QCPGraph *graph = graphs[group] = m_plot->addGraph();
        m_graphSentences.push_back(group);
        const QColor c = sentenceColour(group);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setPen(QPen(c, 2));
        graph->setScatterStyle(QCPScatterStyle(sentenceShape(group), QPen(c, 2.5), c, 9));
        graph->setName(graphName(group));
    }
    for (size_t i = 0; i < m_points.size(); ++i)
        graphs[groups[i]]->addData(m_points[i].x, m_points[i].y);
    auto colourOf = [&](size_t i) {
        if (m_colourShown == MapColour::Cluster && i < m_pointClusters.size())
            return sentenceColour(m_pointClusters[i]);
        if (m_colourShown == MapColour::Word)
            return sentenceColour(wordIndex[m_points[i].label]);
        return sentenceColour(m_points[i].sentence);
    };
    // The selected token (or, for sentence vectors, the selected sentence) gets a ring.
    m_highlighted = -1;
    const ViewSelection &sel = m_selection;
    const bool sentences = sel.projection == ProjectionMode::Sentences;
    for (size_t i = 0; i < m_points.size() && !trajectory; ++i)
        if (m_points[i].sentence == sel.sentence && (sentences || (sel.token >= 0 && m_points[i].token == sel.token)))
            m_highlighted = int(i);
    if (m_highlighted >= 0)
        ringPoint(m_highlighted, QColor(220, 30, 60), 11);
    markSearched();
    if (trajectory) {
        // A graph keeps its points sorted by x; the path through the layers is drawn as arrows.
        for (size_t i = 0; i + 1 < m_points.size(); ++i) {
            auto *arrow = new QCPItemLine(m_plot);
            arrow->start->setCoords(m_points[i].x, m_points[i].y);
            arrow->end->setCoords(m_points[i + 1].x, m_points[i + 1].y);
            arrow->setHead(QCPLineEnding::esSpikeArrow);
            arrow->setPen(QPen(sentenceColour(m_points[i].sentence), 2));
        }
    }
    // Labels: all of a small set; of a crowded one only the selected point and the outliers
    // (farthest from the centre), so that they do not pile up. Hover names any point.
    std::vector<size_t> labelled;
    if (m_points.size() <= kAllLabels) {
        for (size_t i = 0; i < m_points.size(); ++i)
            labelled.push_back(i);
    } else {
        double cx = 0, cy = 0;
        for (const auto &p : m_points)
            cx += p.x / double(m_points.size()), cy += p.y / double(m_points.size());
        std::vector<size_t> order(m_points.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        auto distance = [&](size_t i) { return std::hypot(m_points[i].x - cx, m_points[i].y - cy); };
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return distance(a) > distance(b); });
        std::set<std::string> seen; // one label per word: forty [SEP]s in one spot would hide each other
        for (size_t i : order)
            if (labelled.size() < kOutlierLabels && seen.insert(m_points[i].label).second)
                labelled.push_back(i);
    }
    // The selected point's label first: it wins where labels would overlap.
    if (m_highlighted >= 0) {
        labelled.erase(std::remove(labelled.begin(), labelled.end(), size_t(m_highlighted)), labelled.end());
        labelled.insert(labelled.begin(), size_t(m_highlighted));
    }
    m_labelCount = int(labelled.size());
    m_labels.clear();
    for (size_t i : labelled) {
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(m_points[i].x, m_points[i].y);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(6, 0, 0, 2));
        label->setText(QString::fromStdString(m_points[i].label));
        label->setColor(colourOf(i).darker(130));
        label->setClipToAxisRect(true);
        m_labels.push_back(label);
    }
    // A legend only while it can list every sentence; the colours (and, past ten sentences, the
    // marker shapes) and the hover text tell the sentences apart otherwise.
    m_plot->legend->setVisible(m_graphSentences.size() <= kLegendEntries);
    fitEqualAspect();
    retranslateUi();
}

void ProjectionView::fitEqualAspect()
{
    const QRect area = m_plot->axisRect()->rect();
    if (m_points.empty() || area.width() <= 0 || area.height() <= 0)
        return;
    double left = m_points[0].x, right = left, bottom = m_points[0].y, top = bottom;
    for (const ProjectionPoint &p : m_points) {
        left = std::min(left, p.x);
        right = std::max(right, p.x);
        bottom = std::min(bottom, p.y);
        top = std::max(top, p.y);
    }
    const double width = std::max(right - left, 1e-9) * 1.15, height = std::max(top - bottom, 1e-9) * 1.15;
    const double perPixel = std::max(width / area.width(), height / area.height());
    const double cx = (left + right) / 2, cy = (bottom + top) / 2;
    m_plot->xAxis->setRange(cx - perPixel * area.width() / 2, cx + perPixel * area.width() / 2);
    m_plot->yAxis->setRange(cy - perPixel * area.height() / 2, cy + perPixel * area.height() / 2);
    m_fittedSize = area.size();
}

// Where labels would overlap at the current zoom and size, the later ones (by priority) are left
// out; hover still names every point.
void ProjectionView::hideOverlappingLabels()
{
    std::vector<QRectF> taken;
    for (QCPItemText *label : m_labels) {
        const QPointF at = label->position->pixelPosition();
        const QFontMetricsF metrics(label->font());
        const QMarginsF pad = label->padding();
        const QRectF box(at.x() + pad.left(), at.y() - pad.bottom() - metrics.height(), metrics.horizontalAdvance(label->text()),
                         metrics.height());
        const bool free = std::none_of(taken.begin(), taken.end(), [&](const QRectF &r) { return r.intersects(box); });
        label->setVisible(free);
        if (free)
            taken.push_back(box);
    }
}

int ProjectionView::visibleLabelCount() const
{
    return int(std::count_if(m_labels.begin(), m_labels.end(), [](const QCPItemText *l) { return l->visible(); }));
}

void ProjectionView::ringPoint(int index, const QColor &colour, int radius)
{
    auto *ring = new QCPItemEllipse(m_plot);
    ring->setPen(QPen(colour, 3));
    // A fixed size in pixels around the point, whatever the axis ranges.
    ring->topLeft->setType(QCPItemPosition::ptAbsolute);
    ring->bottomRight->setType(QCPItemPosition::ptAbsolute);
    auto *centre = new QCPItemTracer(m_plot);
    centre->position->setCoords(m_points[size_t(index)].x, m_points[size_t(index)].y);
    centre->setStyle(QCPItemTracer::tsNone);
    ring->topLeft->setParentAnchor(centre->position);
    ring->bottomRight->setParentAnchor(centre->position);
    ring->topLeft->setCoords(-radius, -radius);
    ring->bottomRight->setCoords(radius, radius);
    m_rings.push_back(ring);
    m_rings.push_back(centre);
}

void ProjectionView::markSearched()
{
    m_found.clear();
    const QString query = m_search->text().trimmed();
    if (query.isEmpty())
        return;
    for (size_t i = 0; i < m_points.size(); ++i)
        if (QString::fromStdString(m_points[i].label).compare(query, Qt::CaseInsensitive) == 0) {
            m_found.push_back(int(i));
            ringPoint(int(i), QColor(250, 160, 0), 15);
        }
}

std::vector<int> ProjectionView::searchedPoints() const { return m_found; }

} // namespace bertlens
