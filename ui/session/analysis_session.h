#pragma once

#include "analysis/sentence_analysis.h"
#include "analysis/view_data.h"
#include "model/model_summary.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace bertlens {

// The state of one analysis: the model, the sentences, the selection and what follows from
// them. All LibTorch work (loading, forward passes, PCA) runs on worker threads; results come
// back to the GUI thread as immutable shared objects. A newer request cancels the one in
// flight, and a result that is no longer the newest is dropped.
class AnalysisSession : public QObject {
    Q_OBJECT

public:
    explicit AnalysisSession(QObject *parent = nullptr);
    ~AnalysisSession() override;

    void loadModel(const QString &dir);
    void setInputs(const std::vector<SentenceInput> &inputs);
    void setSelection(const ViewSelection &selection);
    void cancel();

    bool hasModel() const { return bool(m_model); }
    const ModelSummary &modelSummary() const { return m_summary; }
    std::shared_ptr<const LoadedModel> model() const { return m_model; }
    std::shared_ptr<const AnalysisResult> result() const { return m_result; }
    std::shared_ptr<const ViewData> viewData() const { return m_viewData; }
    const ViewSelection &selection() const { return m_selection; }
    const std::vector<SentenceInput> &inputs() const { return m_inputs; }
    bool isBusy() const;

Q_SIGNALS:
    void modelLoadStarted(const QString &dir);
    void modelLoaded(const QString &dir);
    void modelLoadFailed(const QString &dir, const QString &message);
    void analysisStarted();
    void analysisFailed(const QString &message);
    void resultChanged();
    void viewDataChanged();
    void busyChanged(bool busy);

private:
    struct Analysis {
        std::shared_ptr<const AnalysisResult> result;
        std::shared_ptr<const ViewData> views;
        QString error;
    };
    void startAnalysis();
    void launchAnalysis();
    void startViewData();
    void onModelLoaded();
    void onAnalysed();
    void onViewData();

    std::shared_ptr<const LoadedModel> m_model;
    ModelSummary m_summary;
    std::vector<SentenceInput> m_inputs;
    ViewSelection m_selection;
    std::shared_ptr<const AnalysisResult> m_result;
    std::shared_ptr<const ViewData> m_viewData;

    struct LoadOutcome {
        std::shared_ptr<const LoadedModel> model;
        QString dir;
        QString error;
    };
    QFutureWatcher<LoadOutcome> m_loadWatcher;
    QFutureWatcher<Analysis> m_analysisWatcher;
    QFutureWatcher<std::shared_ptr<const ViewData>> m_viewWatcher;
    std::shared_ptr<CancelToken> m_cancel;
    bool m_analysisPending = false;
    // Until onAnalysed() has run: the watcher stops "running" when the thread ends, before its
    // finished signal arrives, and launching then would deliver one result twice.
    bool m_analysisRunning = false;
    bool m_viewDataPending = false;
};

} // namespace bertlens
