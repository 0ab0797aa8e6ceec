#include "session/corpus_session.h"

#include "analysis/corpus_index.h"
#include "analysis/maps/embedding_map.h"
#include "analysis/maps/kmeans.h"
#include "analysis/maps/map_quality.h"
#include "analysis/maps/neighbour_graph.h"
#include "analysis/tensor_matrix.h"
#include "model/loaded_model.h"
#include "session/analysis_session.h"
#include "session/map_session.h"

#include <QFileInfo>
#include <QLocale>

namespace bertlens {

CorpusSession::CorpusSession(AnalysisSession *session)
    : QObject(session), m_session(session), m_maps(new MapSession(nullptr, this)), m_searcher(session->interactivePool())
{
    connect(m_maps, &MapSession::layoutChanged, this, [this](const QString &key, const Matrix &layout, int step, int steps) {
        if (key != m_mapKey || !m_pca)
            return;
        auto projection = std::make_shared<Projection>(*m_projection);
        projection->method = m_method;
        projection->x.assign(size_t(layout.rows), 0.f), projection->y.assign(size_t(layout.rows), 0.f);
        for (int i = 0; i < layout.rows; ++i)
            projection->x[size_t(i)] = layout.at(i, 0), projection->y[size_t(i)] = layout.at(i, 1);
        projection->step = step, projection->steps = steps;
        showMapped(projection);
    });
    connect(m_maps, &MapSession::mapReady, this, [this](const QString &key) {
        if (key == m_mapKey)
            setMap(m_method, m_seed);
    });
    connect(m_maps, &MapSession::failed, this, &CorpusSession::failed);
    connect(m_maps, &MapSession::runningChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    connect(&m_clusterer, &JobRunner::failed, this, &CorpusSession::failed);
    connect(&m_clusterer, &JobRunner::runningChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    for (JobRunner *runner : {&m_indexer, &m_searcher})
        connect(runner, &JobRunner::runningChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    connect(&m_indexer, &JobRunner::progress, this, &CorpusSession::progress);
    connect(&m_indexer, &JobRunner::failed, this, &CorpusSession::failed);
    connect(&m_searcher, &JobRunner::failed, this, &CorpusSession::failed);
    // Another model makes the index meaningless: the corpus is indexed again as it was asked for.
    connect(session, &AnalysisSession::modelLoaded, this, [this] {
        if (m_index && !m_path.isEmpty())
            open(m_path, m_layer, m_pooling);
    });
}

CorpusSession::~CorpusSession() { cancel(); }

void CorpusSession::cancel()
{
    m_indexer.cancel();
    m_searcher.cancel();
    m_maps->cancel();
    m_clusterer.cancel();
}

bool CorpusSession::isMapping() const { return m_maps->isRunning() || m_clusterer.isRunning(); }

bool CorpusSession::isBusy() const { return m_indexer.isRunning() || m_searcher.isRunning() || isMapping(); }

void CorpusSession::showMapped(const std::shared_ptr<Projection> &projection)
{
    if (m_clusters > 0 && m_projection) { // the colours stay while the positions change
        projection->clusters = m_projection->clusters;
        projection->silhouette = m_projection->silhouette;
        projection->silhouetteSample = m_projection->silhouetteSample;
    }
    m_projection = projection;
    Q_EMIT projectionChanged();
}

void CorpusSession::setMap(MapMethod method, uint64_t seed)
{
    m_method = method, m_seed = seed;
    if (!m_index || !m_pca)
        return;
    if (method == MapMethod::Pca) {
        m_mapKey.clear();
        m_maps->cancel();
        showMapped(std::make_shared<Projection>(*m_pca));
        return;
    }
    m_mapKey = QStringLiteral("%1|%2").arg(QString::fromUtf8(mapMethodName(method).id)).arg(qulonglong(seed));
    if (const auto map = m_maps->cached(m_mapKey)) {
        auto projection = std::make_shared<Projection>(*m_pca);
        projection->method = method;
        projection->map = map;
        for (int i = 0; i < map->layout.rows; ++i)
            projection->x[size_t(i)] = map->layout.at(i, 0), projection->y[size_t(i)] = map->layout.at(i, 1);
        showMapped(projection);
        return;
    }
    MapOptions options;
    options.method = method;
    options.seed = seed;
    m_maps->request(m_mapKey, [index = m_index, options](const CancelToken &cancel, const LayoutProgress &progress) {
        MapOptions run = options;
        run.cancel = &cancel;
        return computeMap(index->lineVectors(), run, progress);
    });
}

void CorpusSession::stopMap()
{
    m_maps->cancel();
    m_method = MapMethod::Pca;
    if (m_pca)
        showMapped(std::make_shared<Projection>(*m_pca));
}

void CorpusSession::setClusters(int k)
{
    m_clusters = k;
    if (!m_index || !m_projection)
        return;
    if (k <= 0) {
        auto projection = std::make_shared<Projection>(*m_projection);
        projection->clusters.clear();
        m_projection = projection;
        Q_EMIT projectionChanged();
        return;
    }
    m_clusterer.start([this, index = m_index, k, seed = m_seed](const CancelToken &cancel, const ProgressFn &) -> JobRunner::Deliver {
        c10::InferenceMode inference;
        const at::Tensor unit = unitRowsOf(index->lineVectors());
        const KMeansResult result = kMeans(unit, k, seed, 100, &cancel);
        const Silhouette s = silhouette(unit, result.cluster, 2000, seed);
        return [this, clusters = std::vector<int>(result.cluster.begin(), result.cluster.end()), s] {
            auto projection = std::make_shared<Projection>(*m_projection);
            projection->clusters = clusters;
            projection->silhouette = s.value;
            projection->silhouetteSample = s.sampled;
            m_projection = projection;
            Q_EMIT projectionChanged();
        };
    });
}

void CorpusSession::open(const QString &path, int layer, Pooling pooling)
{
    const auto model = m_session->model();
    if (!model) {
        Q_EMIT failed(tr("Open a model before a corpus."));
        return;
    }
    m_indexer.start([this, model, path, layer, pooling](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        CorpusIndexOptions options;
        options.layer = layer;
        options.pooling = pooling;
        options.cancel = &cancel;
        options.progress = progress;
        const std::string corpus = path.toStdString(), indexPath = CorpusIndex::indexPathFor(corpus);
        auto index = std::make_shared<CorpusIndex>(CorpusIndex::load(indexPath, *model, corpus, options));
        if (index->empty()) {
            *index = CorpusIndex::build(*model, corpus, options);
            try {
                index->save(indexPath);
            } catch (const std::exception &) {
                // A read-only folder: the index lives in memory only, and is built again next time.
            }
        }
        const PcaResult pca = index->projectLines(2);
        auto projection = std::make_shared<Projection>();
        projection->explainedRatio = pca.explainedRatio;
        for (int i = 0; i < pca.projected.rows; ++i) {
            projection->x.push_back(pca.projected.cols > 0 ? pca.projected.at(i, 0) : 0.f);
            projection->y.push_back(pca.projected.cols > 1 ? pca.projected.at(i, 1) : 0.f);
        }
        if (pca.projected.rows >= 3) { // how well the plane keeps neighbourhoods, on at most 1,000 lines
            Matrix plane(pca.projected.rows, 2);
            for (int i = 0; i < plane.rows; ++i)
                plane.at(i, 0) = projection->x[size_t(i)], plane.at(i, 1) = projection->y[size_t(i)];
            projection->pcaQuality = measureMap(unitRowsOf(index->lineVectors()), plane, 10, 1000, 1);
        }
        return [this, index, projection, path, layer, pooling] {
            m_index = index;
            m_layer = layer;
            m_pooling = pooling;
            m_projection = m_pca = projection;
            m_maps->clear();
            m_path = path;
            m_tokenHits.clear();
            m_lineHits.clear();
            Q_EMIT opened(path);
            Q_EMIT hitsChanged();
            if (m_method != MapMethod::Pca)
                setMap(m_method, m_seed);
            if (m_clusters > 0)
                setClusters(m_clusters);
        };
    });
}

void CorpusSession::close()
{
    cancel();
    m_index.reset();
    m_projection.reset();
    m_pca.reset();
    m_maps->clear();
    m_path.clear();
    m_tokenHits.clear();
    m_lineHits.clear();
    Q_EMIT hitsChanged();
}

QString CorpusSession::summary() const
{
    if (!m_index)
        return {};
    const QLocale locale;
    return tr("%1: %2 lines, %3 token occurrences at layer %4, %5 in memory%6")
        .arg(QFileInfo(m_path).fileName(), locale.toString(qlonglong(m_index->lines().size())),
             locale.toString(m_index->tokenCount()))
        .arg(m_index->layer())
        .arg(locale.formattedDataSize(m_index->memoryBytes(), 1, QLocale::DataSizeSIFormat))
        .arg(m_index->reduced() ? tr(" (token vectors reduced to %1 dimensions)").arg(m_index->tokenDims()) : QString());
}

const std::vector<CorpusLine> &CorpusSession::lines() const
{
    static const std::vector<CorpusLine> none;
    return m_index ? m_index->lines() : none;
}

std::vector<int> CorpusSession::linesContaining(const QString &word) const
{
    return m_index ? m_index->linesContaining(word.toStdString()) : std::vector<int>();
}

void CorpusSession::searchToken(int sentence, int token)
{
    const auto result = m_session->result();
    const auto model = m_session->model();
    if (!m_index || !result || !model || sentence < 0 || sentence >= int(result->sentences.size()))
        return;
    const SentenceAnalysis &s = result->sentences[size_t(sentence)];
    if (token < 0 || token >= s.encoding.size())
        return;
    m_query = QString::fromStdString(s.encoding.labels[size_t(token)]);
    m_searcher.start([this, index = m_index, model, result, sentence, token](const CancelToken &, const ProgressFn &) -> JobRunner::Deliver {
        // The window has every layer of the sentence already: the token's vector at the index's layer.
        const Matrix &hidden = result->sentences[size_t(sentence)].hidden[size_t(index->layer())];
        Matrix vector(1, hidden.cols);
        std::copy(hidden.row(token), hidden.row(token) + hidden.cols, vector.values.begin());
        auto hits = index->nearestTokens(tensorView(vector)[0], kHits, *model->tokenizer);
        return [this, hits = std::move(hits)] {
            m_tokenHits = hits;
            Q_EMIT hitsChanged();
        };
    });
}

void CorpusSession::searchText(const QString &text)
{
    const auto model = m_session->model();
    if (!m_index || !model || text.trimmed().isEmpty())
        return;
    m_query = text;
    m_searcher.start([this, index = m_index, model, text](const CancelToken &, const ProgressFn &) -> JobRunner::Deliver {
        auto hits = index->nearestLines(*model, text.toStdString(), kHits);
        return [this, hits = std::move(hits)] {
            m_lineHits = hits;
            Q_EMIT hitsChanged();
        };
    });
}

} // namespace bertlens
