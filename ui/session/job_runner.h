#pragma once

#include "common/cancel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace bertlens {

// Runs one kind of background work (loading, analysing, exporting) off the GUI thread, one job
// at a time, newest first: starting a job cancels the one in flight, whose result is then
// dropped. The work returns what to do with its result, and that runs on the GUI thread, so
// results need no locking. Every exception becomes one message, made in one place; a cancelled
// job ends quietly.
class JobRunner : public QObject {
    Q_OBJECT

public:
    // Runs on a worker thread; its return value runs on the GUI thread unless a newer job came.
    using Deliver = std::function<void()>;
    using Work = std::function<Deliver(const CancelToken &cancel, const ProgressFn &progress)>;

    // Jobs run on `pool` (QThreadPool::globalInstance() when null).
    explicit JobRunner(QThreadPool *pool = nullptr, QObject *parent = nullptr);
    ~JobRunner() override; // cancels and waits for the worker

    void start(Work work);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void runningChanged(bool running);
    void progress(qlonglong done, qlonglong total); // total < 0: unknown
    void failed(const QString &message);
    void cancelled(); // a job stopped by cancel(), with no newer job after it

private:
    struct Outcome {
        Deliver deliver;
        QString error;
        bool cancelled = false;
    };
    void launch();
    void onFinished();

    QThreadPool *m_pool;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<CancelToken> m_cancel;
    Work m_pending;
    // Until onFinished() has run: the watcher stops "running" when the thread ends, before its
    // finished signal arrives, and launching in that gap would deliver one result twice.
    bool m_running = false;
    std::shared_ptr<std::atomic<int>> m_generation = std::make_shared<std::atomic<int>>(0);
};

// The text shown for an exception: LibTorch's without its C++ backtrace.
QString errorMessage(const std::exception &e);

} // namespace bertlens
