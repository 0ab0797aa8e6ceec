#include "session/map_session.h"

#include "analysis/maps/embedding_map.h"

#include <QMetaObject>
#include <QPointer>

#include <chrono>

namespace bertlens {

namespace {

// A layout on screen this often at most while a map forms: more only costs the GUI thread.
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

} // namespace

MapSession::MapSession(QThreadPool *pool, QObject *parent) : QObject(parent), m_runner(pool)
{
    connect(&m_runner, &JobRunner::runningChanged, this, &MapSession::runningChanged);
    connect(&m_runner, &JobRunner::failed, this, [this](const QString &message) {
        m_key.clear();
        Q_EMIT failed(message);
    });
    connect(&m_runner, &JobRunner::cancelled, this, [this] { m_key.clear(); });
}

void MapSession::request(const QString &key, std::shared_ptr<const Matrix> rows, const MapOptions &options)
{
    request(key, [rows, options](const CancelToken &cancel, const LayoutProgress &progress) {
        MapOptions run = options;
        run.cancel = &cancel;
        return computeMap(*rows, run, progress);
    });
}

void MapSession::request(const QString &key, Compute compute)
{
    if (key == m_key && m_runner.isRunning())
        return;
    m_key = key;
    const int generation = ++*m_generation;
    QPointer<MapSession> self(this);
    m_runner.start([self, key, compute, generation, counter = m_generation](const CancelToken &cancel, const ProgressFn &) -> JobRunner::Deliver {
        auto last = std::chrono::steady_clock::now() - kRedrawInterval;
        const LayoutProgress progress = [&](const Matrix &layout, int step, int steps) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < kRedrawInterval && step < steps)
                return;
            last = now;
            QMetaObject::invokeMethod(
                self.data(),
                [self, key, layout, step, steps, generation, counter] {
                    if (self && generation == *counter)
                        Q_EMIT self->layoutChanged(key, layout, step, steps);
                },
                Qt::QueuedConnection);
        };
        auto result = std::make_shared<const MapResult>(compute(cancel, progress));
        return [self, key, result] {
            if (!self)
                return;
            self->m_maps[key] = result;
            self->m_key.clear();
            Q_EMIT self->mapReady(key);
        };
    });
}

std::shared_ptr<const MapResult> MapSession::cached(const QString &key) const
{
    const auto it = m_maps.find(key);
    return it == m_maps.end() ? nullptr : it->second;
}

void MapSession::clear()
{
    cancel();
    m_maps.clear();
}

void MapSession::cancel()
{
    ++*m_generation;
    m_key.clear();
    m_runner.cancel();
}

} // namespace bertlens
