#pragma once

#include "analysis/model_comparison.h"
#include "model/model_summary.h"
#include "session/job_runner.h"

#include <QObject>
#include <QString>

#include <memory>

namespace bertlens {

class AnalysisSession;
struct LoadedModel;

// A second model beside the session's (File → Compare with…): the same sentences run through it
// (its results cached until the sentences change) and compared for the current selection.
class ComparisonSession : public QObject {
    Q_OBJECT

public:
    explicit ComparisonSession(AnalysisSession *session);
    ~ComparisonSession() override;
    void loadModel(const QString &dirOrId);
    void close();
    bool hasModel() const { return bool(m_model); }
    QString modelDir() const { return m_dir; }
    const ModelSummary &modelSummary() const { return m_summary; }
    // The second model's layer shown beside the first's; −1: the same number (clamped).
    void setLayer(int layer);
    int layer() const { return m_layer; }
    std::shared_ptr<const ModelComparison> comparison() const { return m_comparison; }
    bool isBusy() const { return m_loader.isRunning() || m_analyser.isRunning() || m_comparer.isRunning(); }

Q_SIGNALS:
    void modelLoaded(const QString &dir);
    void failed(const QString &message);
    void comparisonChanged();
    void busyChanged(bool busy);

private:
    void analyse();
    void compare();

    AnalysisSession *m_session;
    std::shared_ptr<const LoadedModel> m_model;
    QString m_dir;
    ModelSummary m_summary;
    std::shared_ptr<const AnalysisResult> m_result; // of the second model
    std::shared_ptr<const ModelComparison> m_comparison;
    int m_layer = -1;
    JobRunner m_loader, m_analyser, m_comparer;
};

} // namespace bertlens
