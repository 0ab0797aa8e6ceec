#pragma once

#include "analysis/sentence_analysis.h"
#include "analysis/view_data.h"
#include "analysis/walkthrough.h"
#include "analysis/pooling_mode.h"
#include "hub/hub_options.h"
#include "model/model_summary.h"
#include "model/precision.h"
#include "session/job_runner.h"

#include <QObject>
#include <QString>

#include <memory>

namespace bertlens {

// A folder or a Hugging Face model id → its folder (from the cache, else downloaded with progress
// in bytes and notices: which file, a retry, a wait) and the model loaded from it; on a worker
// thread. Both sessions' loaders use it.
std::pair<QString, std::shared_ptr<const LoadedModel>> loadModelOf(const QString &dirOrId, Precision precision,
                                                                  const CancelToken &cancel, const ProgressFn &progress,
                                                                  const NoticeFn &notice = {});

// Whether opening `dirOrId` downloads from the Hub: an id that is not an existing folder.
bool isHubSource(const QString &dirOrId);

// A download's notice in the window's language (in English, the CLI's line; a retry's reason
// stays the server's words).
QString hubNoticeText(const HubNotice &notice);

// The state of one analysis: the model, the sentences, the selection and what follows from
// them. All LibTorch work (loading, forward passes, PCA, exports) runs on JobRunners; results
// come back to the GUI thread as immutable shared objects. A newer request of a kind replaces
// the one in flight.
class AnalysisSession : public QObject {
    Q_OBJECT

public:
    // An export of the session's inputs, its options parsed (the widgets never see LibTorch
    // types, so this is not the core's ExportJob).
    struct ExportRequest {
        enum class Kind { Vectors, Attention } kind = Kind::Vectors;
        QString path;
        std::vector<int> layers; // hidden states 0..L, or attention layers 1..L
        Pooling pooling = Pooling::None;
        bool words = false; // word rows, as `--aggregate words` (token rows only: no pooling)
        bool projector = false; // vectors as an Embedding Projector folder at `path`
        int clusters = 0;       // its k-means clusters
    };

    explicit AnalysisSession(QObject *parent = nullptr);
    ~AnalysisSession() override;

    // A folder, or a Hugging Face model id (from the cache, else downloaded with progress in bytes).
    void loadModel(const QString &dirOrId);
    // How later loads compute; a loaded model is loaded again in the new precision.
    void setPrecision(Precision precision);
    Precision precision() const { return m_precision; }
    void setInputs(const std::vector<SentenceInput> &inputs);
    void setSelection(const ViewSelection &selection);
    // Heads and FFN blocks switched off in everything computed from now on (views, predictions,
    // similarities, exports, explanations); the results without them are kept beside, for
    // "before → after".
    void setKnockout(const Knockout &knockout);
    // Which overlapping window of a text longer than the model takes the views show (0-based).
    void setLongInputWindow(int window);
    int longInputWindow() const { return m_longWindow; }
    const Knockout &knockout() const { return m_knockout; }
    // While wanted (the walk-through tab is shown), every result and selection change computes the
    // walk-through of the selected token, layer (1 for layer 0) and head (1 for the mean).
    void setWalkthroughWanted(bool wanted);
    // Writes what `bertlens-cli embed` / `attention` write for the session's inputs (pairs as
    // pairs); exportFinished reports the outcome.
    void startExport(const ExportRequest &request);
    void cancel();

    bool hasModel() const { return bool(m_model); }
    const ModelSummary &modelSummary() const { return m_summary; }
    // What the loaded model was opened from: a folder, or a Hugging Face model id.
    QString modelSource() const { return m_modelSource; }
    std::shared_ptr<const LoadedModel> model() const { return m_model; }
    std::shared_ptr<const AnalysisResult> result() const { return m_result; }
    // The same inputs without the knock-outs; null while nothing is knocked out.
    std::shared_ptr<const AnalysisResult> intactResult() const { return m_intactResult; }
    std::shared_ptr<const ViewData> viewData() const { return m_viewData; }
    std::shared_ptr<const Walkthrough> walkthrough() const { return m_walkthrough; }
    const ViewSelection &selection() const { return m_selection; }
    const std::vector<SentenceInput> &inputs() const { return m_inputs; }
    bool isBusy() const;
    bool isExporting() const { return m_exporter.isRunning(); }
    bool isLoading() const { return m_loader.isRunning(); }
    // While a Hub model is being fetched; loadingModel() names it.
    bool isDownloading() const;
    QString loadingModel() const { return m_loadingDir; }
    // The one long-lived thread of the window's short jobs, for the sessions beside this one
    // (comparison, corpus search) to share.
    QThreadPool *interactivePool() { return &m_interactivePool; }

Q_SIGNALS:
    void modelLoadStarted(const QString &dir);
    void modelLoaded(const QString &dir);
    void modelLoadFailed(const QString &dir, const QString &message);
    void analysisStarted();
    void analysisFailed(const QString &message);
    void resultChanged();
    void knockoutChanged();
    void viewDataChanged();
    void walkthroughChanged();
    void busyChanged(bool busy);
    // done/total in the unit of the running job (sentences, or bytes); total < 0 if unknown.
    void progress(qlonglong done, qlonglong total);
    // What a download is doing: the file it fetches, a retry and what it waits for.
    void downloadNotice(const QString &line);
    void exportFinished(const QString &path, const QString &error);

private:
    void startAnalysis();
    void startViewData();
    void startWalkthrough();

    std::shared_ptr<const LoadedModel> m_model;
    Precision m_precision = Precision::Float32;
    ModelSummary m_summary;
    QString m_modelSource;
    std::vector<SentenceInput> m_inputs;
    ViewSelection m_selection;
    int m_selectionVersion = 0;
    std::shared_ptr<const AnalysisResult> m_result;
    const LoadedModel *m_resultModel = nullptr; // what m_result was computed with (compared, never used)
    std::shared_ptr<const AnalysisResult> m_intactResult;
    Knockout m_knockout;
    int m_longWindow = 0;
    std::shared_ptr<const ViewData> m_viewData;
    bool m_walkthroughWanted = false;
    std::shared_ptr<const Walkthrough> m_walkthrough;

    // Loading, analysing and view data share one long-lived thread: LibTorch's OpenMP keeps one
    // team per calling thread, and with more teams than cores libgomp stops spinning between
    // parallel regions, which made an analysis 20% slower (bench/bench_session). Exports, which
    // may run for minutes, have their own thread.
    QThreadPool m_interactivePool;
    JobRunner m_loader{&m_interactivePool};
    JobRunner m_analyser{&m_interactivePool};
    JobRunner m_viewer{&m_interactivePool};
    JobRunner m_walker{&m_interactivePool};
    JobRunner m_exporter;
    QString m_loadingDir;
    QString m_exportPath;
};

} // namespace bertlens
