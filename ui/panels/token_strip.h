#pragma once

#include "analysis/sentence_analysis.h"

#include <QRect>
#include <QWidget>

#include <memory>
#include <vector>

namespace bertlens {

// Every sentence's WordPieces as chips, one row per sentence: '##' continuations visible,
// special tokens styled apart. Hover shows id and character offsets; a click selects a token, a
// double click asks for it to be masked.
class TokenStrip : public QWidget {
    Q_OBJECT

public:
    explicit TokenStrip(QWidget *parent = nullptr);
    void setResult(std::shared_ptr<const AnalysisResult> result);
    void setSelected(int sentence, int token);
    QSize sizeHint() const override;
    // The chip of (sentence, token), in widget coordinates; empty if there is none.
    QRect chipRect(int sentence, int token) const;
    // Id, offsets, segment, and for [UNK] the original characters it stands for.
    QString tokenToolTip(int sentence, int token) const;

Q_SIGNALS:
    void tokenClicked(int sentence, int token);
    void tokenDoubleClicked(int sentence, int token);
    void tokenHovered(int sentence, int token); // the pointer moved onto another token
    void heightChanged(int height);             // the chips' rows, laid out anew

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Chip {
        QRect rect;
        int sentence;
        int token;
    };
    void layoutChips();
    int labelWidth() const;
    const Chip *chipAt(const QPoint &pos) const;

    std::shared_ptr<const AnalysisResult> m_result;
    std::vector<Chip> m_chips;
    int m_height = 0;
    int m_selectedSentence = 0;
    int m_selectedToken = -1;
    std::pair<int, int> m_hovered{-1, -1};
};

} // namespace bertlens
