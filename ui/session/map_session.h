#pragma once

#include "analysis/maps/layout_progress.h"
#include "analysis/maps/map_options.h"
#include "session/job_runner.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>

namespace bertlens {

// UMAP and t-SNE maps off the GUI thread — newest request first, cancellable, drawn as they form
// (layoutChanged, on the GUI thread) — and each finished map kept under its key (what was mapped
// and how: layer, vectors, method, seed…) until the vectors change (clear()), so that switching
// back to a map a lesson already made shows it at once.
class MapSession : public QObject {
    Q_OBJECT

public:
    using Compute = std::function<MapResult(const CancelToken &cancel, const LayoutProgress &progress)>;

    explicit MapSession(QThreadPool *pool = nullptr, QObject *parent = nullptr);
    // The map of these rows (held, not copied, until the map is done).
    void request(const QString &key, std::shared_ptr<const Matrix> rows, const MapOptions &options);
    // Any other computation of a map (the corpus's, from its index).
    void request(const QString &key, Compute compute);
    std::shared_ptr<const MapResult> cached(const QString &key) const;
    QString pendingKey() const { return m_key; } // the map in the making, or empty
    void clear();
    void cancel();
    bool isRunning() const { return m_runner.isRunning(); }

Q_SIGNALS:
    void layoutChanged(const QString &key, const bertlens::Matrix &layout, int step, int steps);
    void mapReady(const QString &key);
    void failed(const QString &message);
    void runningChanged(bool running);

private:
    JobRunner m_runner;
    std::map<QString, std::shared_ptr<const MapResult>> m_maps;
    QString m_key;
    std::shared_ptr<std::atomic<int>> m_generation = std::make_shared<std::atomic<int>>(0);
};

} // namespace bertlens
