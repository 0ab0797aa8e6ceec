#pragma once

#include "analysis/probe/probe_result.h"
#include "session/job_runner.h"

#include <QObject>
#include <QString>

#include <memory>

namespace bertlens {

class AnalysisSession;

// "Which layer knows this?" for the window: a labelled set through the session's model, every
// layer probed (analysis/probe/layer_probe.h) off the GUI thread with progress and cancel.
class ProbeSession : public QObject {
    Q_OBJECT

public:
    explicit ProbeSession(AnalysisSession *session);
    void run(const QString &path, Pooling pooling, int folds);
    void cancel() { m_runner.cancel(); }
    bool isBusy() const { return m_runner.isRunning(); }
    std::shared_ptr<const ProbeResult> result() const { return m_result; }
    QString path() const { return m_path; } // of the result's set
    int lines() const { return m_lines; }

Q_SIGNALS:
    void finished();
    void failed(const QString &message);
    void progress(qlonglong done, qlonglong total);
    void busyChanged(bool busy);

private:
    AnalysisSession *m_session;
    JobRunner m_runner;
    std::shared_ptr<const ProbeResult> m_result;
    QString m_path;
    int m_lines = 0;
};

} // namespace bertlens
