#include "session/analysis_session.h"

#include "export/export_jobs.h"
#include "hub/hub_cache.h"
#include "hub/hub_download.h"
#include "model/loaded_model.h"
#include "tokenizer/chinese_segmenter.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <mutex>

namespace bertlens {

namespace {

// jieba's dictionary, read once and only when some input holds a Chinese character; null where
// it is not installed (Chinese words then stay characters).
std::shared_ptr<const ChineseSegmenter> chineseSegmenter(const std::vector<SentenceInput> &inputs)
{
    static std::once_flag once;
    static std::shared_ptr<const ChineseSegmenter> segmenter;
    const auto chinese = [](const std::string &text) {
        return QString::fromStdString(text).contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]"));
    };
    if (std::none_of(inputs.begin(), inputs.end(), [&](const SentenceInput &in) { return chinese(in.text) || chinese(in.pair); }))
        return nullptr;
    std::call_once(once, [] {
        const std::string path = ChineseSegmenter::defaultDictionary();
        if (!path.empty())
            segmenter = std::make_shared<const ChineseSegmenter>(ChineseSegmenter::load(path));
    });
    return segmenter;
}

} // namespace

std::pair<QString, std::shared_ptr<const LoadedModel>> loadModelOf(const QString &dirOrId, Precision precision,
                                                                  const CancelToken &cancel, const ProgressFn &progress,
                                                                  const NoticeFn &notice)
{
    const std::string dir = resolveModelDir(dirOrId.toStdString(), HubOptions::fromEnvironment(), &cancel, progress, "main", notice);
    return {QString::fromStdString(dir), LoadedModel::load(dir, precision)};
}

AnalysisSession::AnalysisSession(QObject *parent) : QObject(parent)
{
    m_interactivePool.setMaxThreadCount(1);
    m_interactivePool.setExpiryTimeout(-1);
    for (JobRunner *runner : {&m_loader, &m_analyser, &m_viewer, &m_walker, &m_exporter}) {
        connect(runner, &JobRunner::runningChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
        connect(runner, &JobRunner::progress, this, &AnalysisSession::progress);
    }
    // The previous model, if any, stays loaded.
    connect(&m_loader, &JobRunner::failed, this, [this](const QString &message) { Q_EMIT modelLoadFailed(m_loadingDir, message); });
    connect(&m_analyser, &JobRunner::failed, this, &AnalysisSession::analysisFailed);
    connect(&m_viewer, &JobRunner::failed, this, &AnalysisSession::analysisFailed);
    connect(&m_walker, &JobRunner::failed, this, &AnalysisSession::analysisFailed);
    connect(&m_exporter, &JobRunner::failed, this, [this](const QString &message) { Q_EMIT exportFinished(m_exportPath, message); });
    connect(&m_exporter, &JobRunner::cancelled, this, [this] { Q_EMIT exportFinished(m_exportPath, tr("Export cancelled.")); });
}

AnalysisSession::~AnalysisSession() { cancel(); }

bool AnalysisSession::isBusy() const
{
    return m_loader.isRunning() || m_analyser.isRunning() || m_viewer.isRunning() || m_walker.isRunning()
           || m_exporter.isRunning();
}

void AnalysisSession::cancel()
{
    for (JobRunner *runner : {&m_loader, &m_analyser, &m_viewer, &m_walker, &m_exporter})
        runner->cancel();
}

bool isHubSource(const QString &dirOrId) { return !QFileInfo(dirOrId).isDir() && isHubModelId(dirOrId.toStdString()); }

QString hubNoticeText(const HubNotice &n)
{
    const QString file = QString::fromStdString(n.file);
    switch (n.kind) {
    case HubNotice::Kind::Checking: return AnalysisSession::tr("checking %1 (%2 of %3)").arg(file).arg(n.index).arg(n.count);
    case HubNotice::Kind::Fetching: return AnalysisSession::tr("%1 (%2 of %3)").arg(file).arg(n.index).arg(n.count);
    case HubNotice::Kind::WaitingForLock:
        return AnalysisSession::tr("waiting: another process is downloading %1 of %2").arg(file, QString::fromStdString(n.repo));
    case HubNotice::Kind::Retrying: break;
    }
    return (n.retryAfter ? AnalysisSession::tr("%1 from %2: retrying in %3 s (attempt %4 of %5, as its Retry-After asks)")
                         : AnalysisSession::tr("%1 from %2: retrying in %3 s (attempt %4 of %5)"))
        .arg(QString::fromStdString(n.reason), QString::fromStdString(n.host)).arg(n.seconds).arg(n.attempt).arg(n.attempts);
}

bool AnalysisSession::isDownloading() const { return m_loader.isRunning() && isHubSource(m_loadingDir); }

void AnalysisSession::loadModel(const QString &dirOrId)
{
    m_loadingDir = dirOrId;
    Q_EMIT modelLoadStarted(dirOrId);
    m_loader.start([this, dirOrId, precision = m_precision](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        auto [dir, model] = loadModelOf(dirOrId, precision, cancel, progress, [this](const HubNotice &n) {
            QMetaObject::invokeMethod(this, [this, n] { Q_EMIT downloadNotice(hubNoticeText(n)); }, Qt::QueuedConnection);
        });
        return [this, model = model, dir = dir, dirOrId] {
            m_model = model;
            m_modelSource = dirOrId;
            m_summary = summarize(*m_model);
            m_walkthrough.reset();
            Q_EMIT modelLoaded(dir);
            startAnalysis();
        };
    });
}

void AnalysisSession::setPrecision(Precision precision)
{
    if (precision == m_precision)
        return;
    m_precision = precision;
    if (m_model)
        loadModel(m_modelSource);
}

void AnalysisSession::setInputs(const std::vector<SentenceInput> &inputs)
{
    m_inputs = inputs;
    startAnalysis();
}

void AnalysisSession::startAnalysis()
{
    if (!m_model)
        return;
    Q_EMIT analysisStarted();
    // The results without knock-outs are reused while the inputs and the model stay.
    std::shared_ptr<const AnalysisResult> intact = m_intactResult ? m_intactResult : m_result;
    if (intact && (!intact->knockout.empty() || intact->longWindow != m_longWindow || m_resultModel != m_model.get()
                   || intact->sentences.size() != m_inputs.size()
                   || !std::equal(m_inputs.begin(), m_inputs.end(), intact->sentences.begin(),
                                  [](const SentenceInput &in, const SentenceAnalysis &s) {
                                      return in.text == s.input.text && in.pair == s.input.pair && in.hasPair == s.input.hasPair;
                                  })))
        intact.reset();
    m_analyser.start([this, model = m_model, inputs = m_inputs, selection = m_selection, knockout = m_knockout, intact,
                      version = m_selectionVersion, window = m_longWindow](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        const auto segmenter = chineseSegmenter(inputs);
        auto result = analyseSentences(*model, inputs, &cancel, progress, segmenter.get(), knockout, window);
        auto before = knockout.empty() ? nullptr : intact ? intact : analyseSentences(*model, inputs, &cancel, {}, segmenter.get(), {}, window);
        auto views = std::make_shared<const ViewData>(computeViewData(*result, selection));
        return [this, result, before, views, version, model] {
            m_result = result;
            m_resultModel = model.get();
            m_intactResult = before;
            m_viewData = views;
            Q_EMIT resultChanged();
            startWalkthrough();
            if (version != m_selectionVersion)
                startViewData(); // the selection changed while this ran
            else
                Q_EMIT viewDataChanged();
        };
    });
}

void AnalysisSession::setSelection(const ViewSelection &selection)
{
    m_selection = selection;
    ++m_selectionVersion;
    if (!m_analyser.isRunning()) { // else the running analysis sees the new version when it ends
        startViewData();
        startWalkthrough();
    }
}

void AnalysisSession::setKnockout(const Knockout &knockout)
{
    if (knockout == m_knockout)
        return;
    m_knockout = knockout;
    Q_EMIT knockoutChanged();
    startAnalysis();
}

void AnalysisSession::setLongInputWindow(int window)
{
    if (window == m_longWindow)
        return;
    m_longWindow = window;
    startAnalysis();
}

void AnalysisSession::setWalkthroughWanted(bool wanted)
{
    m_walkthroughWanted = wanted;
    startWalkthrough();
}

void AnalysisSession::startWalkthrough()
{
    if (!m_walkthroughWanted || !m_model || !m_result || m_result->sentences.empty())
        return;
    const SentenceAnalysis &sentence = m_result->sentences[size_t(std::clamp(m_selection.sentence, 0, int(m_result->sentences.size()) - 1))];
    WalkthroughRequest request;
    request.input = sentence.input;
    request.layer = std::max(1, m_selection.layer);
    request.head = std::max(0, m_selection.head);
    request.token = m_selection.token >= 0 ? m_selection.token : std::min(1, sentence.encoding.size() - 1);
    request.knockout = m_result->knockout;
    request.longWindow = m_longWindow;
    if (m_walkthrough && m_walkthrough->request.input.text == request.input.text && m_walkthrough->request.input.pair == request.input.pair
        && m_walkthrough->request.input.hasPair == request.input.hasPair
        && m_walkthrough->request.layer == request.layer && m_walkthrough->request.head == request.head
        && m_walkthrough->request.token == request.token && m_walkthrough->request.knockout == request.knockout
        && m_walkthrough->request.longWindow == request.longWindow
        && !m_walker.isRunning())
        return;
    m_walker.start([this, model = m_model, request](const CancelToken &, const ProgressFn &) -> JobRunner::Deliver {
        auto walkthrough = std::make_shared<const Walkthrough>(computeWalkthrough(*model, request));
        return [this, walkthrough] {
            m_walkthrough = walkthrough;
            Q_EMIT walkthroughChanged();
        };
    });
}

void AnalysisSession::startViewData()
{
    if (!m_result)
        return;
    m_viewer.start([this, result = m_result, selection = m_selection](const CancelToken &, const ProgressFn &) -> JobRunner::Deliver {
        auto views = std::make_shared<const ViewData>(computeViewData(*result, selection));
        return [this, views] {
            m_viewData = views;
            Q_EMIT viewDataChanged();
        };
    });
}

void AnalysisSession::startExport(const ExportRequest &request)
{
    if (!m_model) {
        Q_EMIT exportFinished(request.path, tr("No model is loaded."));
        return;
    }
    m_exportPath = request.path;
    m_exporter.start([this, request, model = m_model, inputs = m_inputs, knockout = m_knockout](const CancelToken &cancel,
                                                                        const ProgressFn &progress) -> JobRunner::Deliver {
        ExportJob job;
        job.output = request.path.toStdString();
        job.layers = request.layers;
        job.pooling = request.pooling;
        job.words = request.words && request.pooling == Pooling::None;
        const auto segmenter = job.words ? chineseSegmenter(inputs) : nullptr;
        job.segmenter = segmenter.get();
        job.run.cancel = &cancel;
        job.run.progress = progress;
        job.run.knockout = knockout;
        job.projector = request.projector;
        job.projectorOptions.tensorName = QFileInfo(QString::fromStdString(model->folder.dir)).fileName().toStdString();
        job.projectorOptions.clusters = request.clusters;
        InputList source(inputs);
        if (request.kind == ExportRequest::Kind::Vectors)
            exportEmbeddings(*model, source, job);
        else
            exportAttention(*model, source, job);
        return [this, path = request.path] { Q_EMIT exportFinished(path, QString()); };
    });
}

} // namespace bertlens
