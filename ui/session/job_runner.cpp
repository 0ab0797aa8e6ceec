#include "session/job_runner.h"

#include "common/error.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <c10/util/Exception.h>

namespace bertlens {

QString errorMessage(const std::exception &e)
{
    if (auto *torchError = dynamic_cast<const c10::Error *>(&e))
        return QString::fromStdString(torchError->what_without_backtrace());
    return QString::fromUtf8(e.what());
}

JobRunner::JobRunner(QThreadPool *pool, QObject *parent) : QObject(parent), m_pool(pool ? pool : QThreadPool::globalInstance())
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &JobRunner::onFinished);
}

JobRunner::~JobRunner()
{
    cancel();
    m_watcher.waitForFinished();
}

void JobRunner::start(Work work)
{
    m_pending = std::move(work);
    if (m_running)
        cancel(); // onFinished() launches the pending job once the cancelled one has stopped
    else
        launch();
}

void JobRunner::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void JobRunner::launch()
{
    Work work = std::move(m_pending);
    m_pending = nullptr;
    m_cancel = std::make_shared<CancelToken>();
    const int generation = ++*m_generation;
    // Progress is reported from the worker; only the newest job's reaches the signal.
    QPointer<JobRunner> self(this);
    ProgressFn report = [self, generation, counter = m_generation](long long done, long long total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, counter, done, total] {
                if (self && *counter == generation)
                    Q_EMIT self->progress(done, total);
            },
            Qt::QueuedConnection);
    };
    const bool wasRunning = m_running;
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run(m_pool, [work = std::move(work), cancel = m_cancel, report]() {
        Outcome outcome;
        try {
            outcome.deliver = work(*cancel, report);
        } catch (const Error &e) {
            outcome.cancelled = e.kind() == ErrorKind::Cancelled;
            if (!outcome.cancelled)
                outcome.error = errorMessage(e);
        } catch (const std::exception &e) {
            outcome.error = errorMessage(e);
        }
        return outcome;
    }));
    if (!wasRunning)
        Q_EMIT runningChanged(true);
}

void JobRunner::onFinished()
{
    if (m_pending) {
        launch(); // the finished job is stale: a newer one was asked for
        return;
    }
    m_running = false;
    const Outcome outcome = m_watcher.result();
    if (!outcome.error.isEmpty())
        Q_EMIT failed(outcome.error);
    else if (outcome.cancelled)
        Q_EMIT cancelled();
    else if (outcome.deliver)
        outcome.deliver();
    Q_EMIT runningChanged(false);
}

} // namespace bertlens
