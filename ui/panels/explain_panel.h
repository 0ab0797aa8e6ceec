#pragma once

#include "model/knockout.h"
#include "session/explain_session.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace bertlens {

class ScoreStrip;

// "Why did the model say that": the selected [MASK]'s prediction, or the similarity of two
// sentences, attributed to the input tokens (method and target chosen here; the tokens coloured
// by score, the numbers in a legend, integrated gradients' completeness beside them); and the
// knock-outs in effect, typed as the CLI takes them ("2:1, 3:4"), with a reset, before → after.
class ExplainPanel : public QWidget {
    Q_OBJECT

public:
    explicit ExplainPanel(QWidget *parent = nullptr);
    // What to draw: an explanation (null: none yet), why there is none, words instead of tokens.
    void showExplanation(std::shared_ptr<const Explanation> explanation, const QString &unavailable, bool words);
    void setKnockout(const Knockout &knockout, int numLayers, int numHeads);
    ExplainMethod method() const;
    TargetKind target() const;
    void setMethod(ExplainMethod method);
    void setTarget(TargetKind target);
    int otherSentence() const; // 0-based
    void setSentenceCount(int count);
    ScoreStrip *scores() const { return m_scores; }
    QLabel *figures() const { return m_figures; }
    QLineEdit *headsEdit() const { return m_heads; }
    QLineEdit *ffnEdit() const { return m_ffn; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *importanceButton() const { return m_importance; }

Q_SIGNALS:
    void settingsChanged();
    void knockoutEdited(const Knockout &knockout);
    void importanceRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyTypedKnockout();
    void refill();

    QLabel *m_title, *m_figures, *m_knockoutLabel, *m_headsLabel, *m_ffnLabel, *m_methodLabel, *m_targetLabel;
    QComboBox *m_method, *m_target;
    QSpinBox *m_other;
    ScoreStrip *m_scores;
    QLineEdit *m_heads, *m_ffn;
    QPushButton *m_reset, *m_importance;
    std::shared_ptr<const Explanation> m_explanation;
    QString m_unavailable;
    bool m_words = false;
    int m_numLayers = 0, m_numHeads = 0;
};

} // namespace bertlens
