#include "session/probe_session.h"

#include "analysis/probe/layer_probe.h"
#include "session/analysis_session.h"

namespace bertlens {

ProbeSession::ProbeSession(AnalysisSession *session) : QObject(session), m_session(session)
{
    connect(&m_runner, &JobRunner::runningChanged, this, &ProbeSession::busyChanged);
    connect(&m_runner, &JobRunner::progress, this, &ProbeSession::progress);
    connect(&m_runner, &JobRunner::failed, this, &ProbeSession::failed);
    // Another model: the figures were of the old one.
    connect(session, &AnalysisSession::modelLoaded, this, [this] {
        m_runner.cancel();
        m_result.reset();
        Q_EMIT finished();
    });
}

void ProbeSession::run(const QString &path, Pooling pooling, int folds)
{
    const auto model = m_session->model();
    if (!model) {
        Q_EMIT failed(tr("Open a model before probing it."));
        return;
    }
    m_runner.start([this, model, path, pooling, folds](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        const auto examples = readLabelledInputs(path.toStdString());
        ProbeOptions options;
        options.pooling = pooling;
        options.folds = folds;
        options.cancel = &cancel;
        options.progress = progress;
        auto result = std::make_shared<const ProbeResult>(probeLayers(*model, examples, options));
        return [this, result, path, lines = int(examples.size())] {
            m_result = result;
            m_path = path;
            m_lines = lines;
            Q_EMIT finished();
        };
    });
}

} // namespace bertlens
