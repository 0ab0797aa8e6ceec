// MainWindow's maps: the Projection tab's UMAP and t-SNE, computed by a MapSession off the GUI
// thread from the vectors the view data holds, drawn as they form, kept per (layer, vectors,
// method, seed) until the analysis changes.
#include "main_window.h"

#include "session/analysis_session.h"
#include "session/map_session.h"
#include "views/projection_view.h"

namespace bertlens {

namespace {

QString mapKey(const ViewSelection &s)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(s.layer)
        .arg(s.mapWithoutSpecial)
        .arg(int(s.projection))
        .arg(QString::fromUtf8(mapMethodName(s.mapMethod).id))
        .arg(s.words)
        .arg(int(s.pooling))
        .arg(qulonglong(s.mapSeed));
}

} // namespace

void MainWindow::connectMaps()
{
    m_maps = new MapSession(nullptr, this);
    connect(m_session, &AnalysisSession::resultChanged, m_maps, &MapSession::clear);
    connect(m_maps, &MapSession::layoutChanged, this, [this](const QString &key, const Matrix &layout, int step, int steps) {
        if (key == m_mapKey)
            m_projection->showLayout(layout, step, steps);
    });
    connect(m_maps, &MapSession::mapReady, this, [this](const QString &key) {
        if (key == m_mapKey)
            if (const auto map = m_maps->cached(key))
                m_projection->showMap(*map);
    });
    connect(m_maps, &MapSession::failed, this, [this](const QString &message) {
        m_projection->showMapStopped();
        m_lastError = message;
        updateStatus();
    });
    connect(m_projection, &ProjectionView::stopRequested, this, [this] {
        m_maps->cancel();
        m_projection->showMapStopped();
    });
    connect(m_projection, &ProjectionView::methodChanged, this, [this](MapMethod method) {
        m_selection.mapMethod = method;
        applySelection();
    });
    connect(m_projection, &ProjectionView::seedChanged, this, [this](int seed) {
        m_selection.mapSeed = uint64_t(seed);
        applySelection();
    });
    connect(m_projection, &ProjectionView::colourChanged, this, [this](MapColour colour) {
        m_selection.colour = colour;
        applySelection();
    });
    connect(m_projection, &ProjectionView::clustersChanged, this, [this](int k) {
        m_selection.clusters = k;
        applySelection();
    });
    connect(m_projection, &ProjectionView::withoutSpecialChanged, this, [this](bool without) {
        m_selection.mapWithoutSpecial = without;
        applySelection();
    });
}

void MainWindow::setMap(MapMethod method, MapColour colour, ProjectionMode projection)
{
    m_selection.mapMethod = method;
    m_selection.colour = colour;
    m_selection.projection = projection;
    m_tabs->setCurrentWidget(m_projection);
    applySelection();
}

void MainWindow::updateMap(const std::shared_ptr<const ViewData> &view)
{
    const ViewSelection &s = view->selection;
    if (s.mapMethod == MapMethod::Pca || s.projection == ProjectionMode::Trajectory || view->mapRows.rows == 0) {
        m_mapKey.clear();
        m_maps->cancel();
        return;
    }
    m_mapKey = mapKey(s);
    if (const auto map = m_maps->cached(m_mapKey)) {
        m_projection->showMap(*map);
        return;
    }
    MapOptions options;
    options.method = s.mapMethod;
    options.seed = s.mapSeed;
    // The rows stay with the view data they belong to, for as long as the map needs them.
    m_maps->request(m_mapKey, std::shared_ptr<const Matrix>(view, &view->mapRows), options);
}

} // namespace bertlens
