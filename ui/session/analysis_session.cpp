#include "session/analysis_session.h"

#include "common/error.h"
#include "model/loaded_model.h"

#include <QtConcurrent/QtConcurrentRun>

#include <c10/util/Exception.h>

namespace bertlens {

namespace {

QString messageOf(const std::exception &e)
{
    if (auto *torchError = dynamic_cast<const c10::Error *>(&e))
        return QString::fromStdString(torchError->what_without_backtrace());
    return QString::fromUtf8(e.what());
}

} // namespace

AnalysisSession::AnalysisSession(QObject *parent) : QObject(parent)
{
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, &AnalysisSession::onModelLoaded);
    connect(&m_analysisWatcher, &QFutureWatcherBase::finished, this, &AnalysisSession::onAnalysed);
    connect(&m_viewWatcher, &QFutureWatcherBase::finished, this, &AnalysisSession::onViewData);
}

AnalysisSession::~AnalysisSession()
{
    cancel();
    m_loadWatcher.waitForFinished();
    m_analysisWatcher.waitForFinished();
    m_viewWatcher.waitForFinished();
}

bool AnalysisSession::isBusy() const
{
    return m_loadWatcher.isRunning() || m_analysisRunning || m_viewWatcher.isRunning();
}

void AnalysisSession::loadModel(const QString &dir)
{
    if (m_loadWatcher.isRunning())
        return; // one load at a time; the window disables the action meanwhile
    Q_EMIT modelLoadStarted(dir);
    Q_EMIT busyChanged(true);
    m_loadWatcher.setFuture(QtConcurrent::run([dir]() {
        LoadOutcome outcome;
        outcome.dir = dir;
        try {
            outcome.model = LoadedModel::load(dir.toStdString());
        } catch (const std::exception &e) {
            outcome.error = messageOf(e);
        }
        return outcome;
    }));
}

void AnalysisSession::onModelLoaded()
{
    const LoadOutcome outcome = m_loadWatcher.result();
    if (!outcome.model) {
        // The previous model, if any, stays loaded.
        Q_EMIT modelLoadFailed(outcome.dir, outcome.error);
        Q_EMIT busyChanged(isBusy());
        return;
    }
    m_model = outcome.model;
    m_summary = summarize(*m_model);
    Q_EMIT modelLoaded(outcome.dir);
    startAnalysis();
}

void AnalysisSession::setInputs(const std::vector<SentenceInput> &inputs)
{
    m_inputs = inputs;
    startAnalysis();
}

void AnalysisSession::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void AnalysisSession::startAnalysis()
{
    if (!m_model)
        return;
    cancel();
    m_analysisPending = true;
    if (!m_analysisRunning)
        launchAnalysis(); // otherwise onAnalysed() launches it once the cancelled run has stopped
}

void AnalysisSession::launchAnalysis()
{
    m_analysisPending = false;
    m_analysisRunning = true;
    m_cancel = std::make_shared<CancelToken>();
    Q_EMIT analysisStarted();
    Q_EMIT busyChanged(true);
    m_analysisWatcher.setFuture(QtConcurrent::run(
        [model = m_model, inputs = m_inputs, selection = m_selection, cancel = m_cancel]() {
            Analysis a;
            try {
                a.result = analyseSentences(*model, inputs, cancel.get());
                a.views = std::make_shared<const ViewData>(computeViewData(*a.result, selection));
            } catch (const Error &e) {
                if (e.kind() != ErrorKind::Cancelled)
                    a.error = messageOf(e);
            } catch (const std::exception &e) {
                a.error = messageOf(e);
            }
            return a;
        }));
}

void AnalysisSession::onAnalysed()
{
    m_analysisRunning = false;
    if (m_analysisPending) {
        launchAnalysis(); // the finished run is stale: a newer input or model arrived
        return;
    }
    const Analysis a = m_analysisWatcher.result();
    if (!a.error.isEmpty()) {
        Q_EMIT analysisFailed(a.error);
    } else if (a.result) {
        m_result = a.result;
        m_viewData = a.views;
        Q_EMIT resultChanged();
        if (m_viewDataPending) {
            m_viewDataPending = false;
            startViewData();
        } else {
            Q_EMIT viewDataChanged();
        }
    }
    Q_EMIT busyChanged(isBusy());
}

void AnalysisSession::setSelection(const ViewSelection &selection)
{
    m_selection = selection;
    if (m_analysisRunning) {
        m_viewDataPending = true; // the running analysis computes views for an older selection
        return;
    }
    startViewData();
}

void AnalysisSession::startViewData()
{
    if (!m_result)
        return;
    if (m_viewWatcher.isRunning()) {
        m_viewDataPending = true;
        return;
    }
    m_viewWatcher.setFuture(QtConcurrent::run([result = m_result, selection = m_selection]() {
        return std::make_shared<const ViewData>(computeViewData(*result, selection));
    }));
}

void AnalysisSession::onViewData()
{
    const auto views = m_viewWatcher.result();
    if (m_viewDataPending) {
        m_viewDataPending = false;
        startViewData();
        return;
    }
    m_viewData = views;
    Q_EMIT viewDataChanged();
    Q_EMIT busyChanged(isBusy());
}

} // namespace bertlens
