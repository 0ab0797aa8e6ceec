#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace bertlens {

// Tokens (or words) as chips coloured by a score on a diverging scale — blue below 0, red above,
// white at 0, symmetric about 0 — one row per text, with a legend that gives the scale's numbers.
// Hover shows a token's exact score; a screen reader reads every token with its score.
class ScoreStrip : public QWidget {
    Q_OBJECT

public:
    explicit ScoreStrip(QWidget *parent = nullptr);
    // rows[i] names text i ("A", "B"; empty for a single text); labels and scores per text.
    void setScores(const QStringList &rows, const std::vector<std::vector<QString>> &labels,
                   const std::vector<std::vector<double>> &scores);
    void clear();
    // The largest |score|: the legend runs from −range to +range.
    double range() const { return m_range; }
    // The fill colour of a score (for tests and the legend).
    QColor colourOf(double score) const;
    QRect chipRect(int text, int token) const;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Chip {
        int text, token;
        QRect rect;
    };
    // Lays the chips out for `width`; returns the height used, legend included.
    int layout(int width, std::vector<Chip> *chips) const;
    void relayout();
    void describe();

    QStringList m_rows;
    std::vector<std::vector<QString>> m_labels;
    std::vector<std::vector<double>> m_scores;
    std::vector<Chip> m_chips;
    double m_range = 0;
};

} // namespace bertlens
