#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QCPGraph;

namespace bertlens {

class CorpusSession;
class PlotWidget;

// A corpus (File → Open corpus…): every line in the plane of its first two principal components,
// coloured by its label, a word's lines ringed; lines like a typed one; the occurrences nearest to
// the token selected in the window. Activating a hit adds its line to the input.
class CorpusView : public QWidget {
    Q_OBJECT

public:
    explicit CorpusView(const CorpusSession *corpus, QWidget *parent = nullptr);
    // After the corpus opened or closed.
    void showCorpus();
    // After a search answered.
    void showHits();
    PlotWidget *plot() const { return m_plot; }
    QLineEdit *wordBox() const { return m_word; }
    QLineEdit *queryBox() const { return m_query; }
    QListWidget *lineHits() const { return m_lineHits; }
    QListWidget *tokenHits() const { return m_tokenHits; }
    int pointCount() const;
    int ringedCount() const;

Q_SIGNALS:
    void openRequested();
    void searchRequested(const QString &text);
    void lineChosen(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void ringWord();
    int lineAt(const QPointF &pixel) const; // index into the corpus lines, or −1

    const CorpusSession *m_corpus;
    QLabel *m_summary, *m_tokenTitle;
    QPushButton *m_open;
    QLineEdit *m_word, *m_query;
    QListWidget *m_lineHits, *m_tokenHits;
    PlotWidget *m_plot;
    QCPGraph *m_ringed = nullptr;
    std::vector<QString> m_labels; // the legend's labels, in graph order
};

} // namespace bertlens
