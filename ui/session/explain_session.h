#pragma once

#include "analysis/attribution.h"
#include "analysis/head_importance.h"
#include "session/job_runner.h"

#include <QObject>
#include <QString>

#include <cmath>
#include <memory>

namespace bertlens {

class AnalysisSession;
struct AnalysisResult;

// What the Explain panel asks: a method and a target among the session's sentences.
struct ExplainSettings {
    ExplainMethod method = ExplainMethod::Occlusion;
    TargetKind kind = TargetKind::Mask;
    int sentence = 0;      // the sentence explained (0-based)
    int maskPosition = -1; // Mask: its [MASK] (token position); -1: its first
    int otherSentence = 1; // Similarity: the sentence compared
    Pooling pooling = Pooling::Mean;
    int layer = -1;        // Similarity: the hidden state pooled; -1: the last
    bool operator==(const ExplainSettings &o) const
    {
        return method == o.method && kind == o.kind && sentence == o.sentence && maskPosition == o.maskPosition
               && otherSentence == o.otherSentence && pooling == o.pooling && layer == o.layer;
    }
};

// An attribution with what the target was before the knock-outs.
struct Explanation {
    ExplainSettings settings;
    Attribution attribution;
    std::string token;               // Mask: the token explained
    double before = std::nan("");    // f(x) without the knock-outs; NaN when there are none
    std::vector<int> sentences;      // the sentence (0-based) of each text
    // Per text: its words (as the window groups them) and their scores, the sums of their pieces'.
    std::vector<std::vector<std::string>> words;
    std::vector<std::vector<double>> wordScores;
};

struct ImportanceMap {
    ExplainSettings settings;
    HeadImportance importance;
    std::string token;
    std::vector<int> sentences; // the sentence (0-based) of each text
};

// Attribution and head importance for the window, on the analysis session's model, inputs and
// knock-outs, off the GUI thread (the session's interactive thread), newest request first.
// Explanations are computed while the panel is active; the head-importance map on request.
class ExplainSession : public QObject {
    Q_OBJECT

public:
    explicit ExplainSession(AnalysisSession *session);
    ~ExplainSession() override;

    void setSettings(const ExplainSettings &settings);
    const ExplainSettings &settings() const { return m_settings; }
    void setActive(bool active);
    void computeImportance();
    void cancel();
    // Why nothing can be explained now ("sentence 2 has no [MASK]"); empty when something can.
    QString unavailableReason() const;
    std::shared_ptr<const Explanation> explanation() const { return m_explanation; }
    std::shared_ptr<const ImportanceMap> importance() const { return m_importance; }
    bool isBusy() const { return m_explainer.isRunning() || m_importer.isRunning(); }

Q_SIGNALS:
    void explanationChanged();
    void importanceChanged();
    void failed(const QString &message);
    void busyChanged(bool busy);
    void progress(qlonglong done, qlonglong total);

private:
    void explain();
    // The core request for the settings; false (with the reason) when the inputs do not allow it.
    // `sentences`: the sentence of each text.
    bool requestOf(const ExplainSettings &settings, ExplainRequest &request, QString *why = nullptr,
                   std::vector<int> *sentences = nullptr) const;

    AnalysisSession *m_session;
    ExplainSettings m_settings;
    bool m_active = false;
    std::shared_ptr<const Explanation> m_explanation;
    std::weak_ptr<const AnalysisResult> m_explainedResult; // what the explanation was asked for
    std::shared_ptr<const ImportanceMap> m_importance;
    JobRunner m_explainer, m_importer;
};

} // namespace bertlens
