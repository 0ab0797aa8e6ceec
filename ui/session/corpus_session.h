#pragma once

#include "analysis/corpus_hits.h"
#include "analysis/maps/map_options.h"
#include "analysis/matrix.h"
#include "analysis/pooling_mode.h"
#include "session/job_runner.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace bertlens {

class AnalysisSession;
class CorpusIndex;
class MapSession;

// A corpus to search by meaning (File → Open corpus…): its index at one layer of the session's
// model — reopened from beside the corpus when still valid, else built with progress and cancel
// and saved there — and the searches the window asks of it.
class CorpusSession : public QObject {
    Q_OBJECT

public:
    static constexpr int kHits = 20;

    // Where the corpus's lines lie on its map: the plane of its two principal components, or a
    // UMAP / t-SNE map (as it forms: step of steps; then with its figures); k-means clusters of the
    // line vectors when asked for.
    struct Projection {
        std::vector<float> x, y;
        std::vector<double> explainedRatio;
        MapMethod method = MapMethod::Pca;
        int step = 0, steps = 0;
        std::shared_ptr<const MapResult> map; // a finished UMAP / t-SNE
        std::optional<MapQuality> pcaQuality;  // the PCA plane's
        std::vector<int> clusters;
        double silhouette = 0;
        int silhouetteSample = 0;
    };

    explicit CorpusSession(AnalysisSession *session);
    ~CorpusSession() override;
    // layer −1: the model's last.
    void open(const QString &path, int layer = -1, Pooling pooling = Pooling::Mean);
    void close();
    void cancel();
    bool isOpen() const { return bool(m_index); }
    bool isBusy() const;
    QString path() const { return m_path; }
    QString summary() const; // lines, occurrences, memory, layer
    const std::vector<CorpusLine> &lines() const;
    std::shared_ptr<const Projection> projection() const { return m_projection; }
    std::vector<int> linesContaining(const QString &word) const;
    // The map of the corpus's lines (PCA at once; UMAP and t-SNE computed, drawn as they form, kept
    // per method and seed); colour by k-means cluster with k > 0, by label with 0.
    void setMap(MapMethod method, uint64_t seed);
    void setClusters(int k);
    void stopMap();
    bool isMapping() const;

    // Token `token` of the window's sentence `sentence` (at the index's layer) → its nearest
    // occurrences; a text → its nearest lines. Results arrive with hitsChanged.
    void searchToken(int sentence, int token);
    void searchText(const QString &text);
    const std::vector<TokenHit> &tokenHits() const { return m_tokenHits; }
    const std::vector<SentenceHit> &lineHits() const { return m_lineHits; }
    QString query() const { return m_query; }

Q_SIGNALS:
    void opened(const QString &path);
    void failed(const QString &message);
    void progress(qlonglong done, qlonglong total);
    void busyChanged(bool busy);
    void hitsChanged();
    void projectionChanged();

private:
    AnalysisSession *m_session;
    QString m_path;
    int m_layer = -1; // as asked for: −1 follows the model's last layer
    Pooling m_pooling = Pooling::Mean;
    std::shared_ptr<const CorpusIndex> m_index;
    std::shared_ptr<const Projection> m_projection;
    std::shared_ptr<const Projection> m_pca; // the plane the corpus opened with
    MapMethod m_method = MapMethod::Pca;
    uint64_t m_seed = 42;
    int m_clusters = 0;
    QString m_mapKey;
    MapSession *m_maps;
    JobRunner m_clusterer;
    void showMapped(const std::shared_ptr<Projection> &projection);
    std::vector<TokenHit> m_tokenHits;
    std::vector<SentenceHit> m_lineHits;
    QString m_query;
    JobRunner m_indexer; // minutes: its own thread, like exports
    JobRunner m_searcher;
};

} // namespace bertlens
