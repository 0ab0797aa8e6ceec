#pragma once

#include "analysis/sentence_analysis.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace bertlens {

// What the model predicts at each [MASK] of the selected sentence: the ten most probable tokens
// of the last layer, and the per-layer lens (the same MLM head on every layer's hidden state) as a
// layers × rank table coloured by probability, showing where the prediction forms; side by side,
// every layer in view.
class PredictionsPanel : public QWidget {
    Q_OBJECT

public:
    explicit PredictionsPanel(QWidget *parent = nullptr);
    // With `intact` (the same sentences without the knock-outs), a third column says what each
    // token's probability was before.
    void showSentence(std::shared_ptr<const AnalysisResult> result, int sentence,
                      std::shared_ptr<const AnalysisResult> intact = nullptr);
    QTableWidget *table() const { return m_table; }
    QTableWidget *lens() const { return m_lens; }
    // Whether a [MASK]'s predictions are shown.
    bool hasPredictions() const;
    // The height that shows the title and every row of the lens.
    int neededHeight() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refill();
    // Both tables as large as their rows and columns need at the current font.
    void fitTables();
    QLabel *m_title;
    QTableWidget *m_table;
    QTableWidget *m_lens;
    std::shared_ptr<const AnalysisResult> m_result;
    std::shared_ptr<const AnalysisResult> m_intact;
    int m_sentence = 0;
};

} // namespace bertlens
