#pragma once

#include "analysis/sentence_analysis.h"

#include <QRect>
#include <QWidget>

#include <memory>
#include <vector>

namespace bertlens {

// Every sentence's WordPieces as chips, one row per sentence: '##' continuations visible,
// special tokens styled apart. Hover shows id and character offsets; a click selects a token, a
// double click asks for it to be masked. By keyboard: arrows (Up/Down: the sentence before or
// after), Home/End move a focus ring over the chips, Space or Return selects, M masks. To a screen
// reader it is a list of its tokens (token_strip_accessible.h).
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
    // For the keyboard and screen readers: the chips in reading order, and the one with the focus ring.
    int chipCount() const { return int(m_chips.size()); }
    std::pair<int, int> chipToken(int chip) const { return {m_chips[size_t(chip)].sentence, m_chips[size_t(chip)].token}; }
    QRect chipRectAt(int chip) const { return m_chips[size_t(chip)].rect; }
    QString chipText(int chip) const;
    bool isChipSelected(int chip) const;
    int focusedChip() const { return m_cursor; }

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
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
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
    void moveCursor(int chip);

    std::shared_ptr<const AnalysisResult> m_result;
    std::vector<Chip> m_chips;
    int m_height = 0;
    int m_selectedSentence = 0;
    int m_selectedToken = -1;
    std::pair<int, int> m_hovered{-1, -1};
    int m_cursor = -1; // the chip with the keyboard's focus ring
};

} // namespace bertlens
