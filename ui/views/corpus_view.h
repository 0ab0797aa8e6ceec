#pragma once

#include "analysis/maps/map_options.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QCPGraph;

namespace bertlens {

class CorpusSession;
class MapControls;
class PlotWidget;

// A corpus (File → Open corpus…): every line on a map — the plane of its first two principal
// components, or UMAP / t-SNE with its seed and figures, drawn as it forms — coloured by its label
// or its k-means cluster, a word's lines ringed; lines like a typed one; the occurrences nearest to
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
    QComboBox *methodBox() const;
    QString qualityText() const;
    int ringedCount() const;

Q_SIGNALS:
    void openRequested();
    void searchRequested(const QString &text);
    void lineChosen(const QString &text);
    void mapRequested(bertlens::MapMethod method, int seed);
    void clustersRequested(int k); // 0: colour by label
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void ringWord();
    int lineAt(const QPointF &pixel) const; // index into the corpus lines, or −1

    const CorpusSession *m_corpus;
    QLabel *m_summary, *m_tokenTitle;
    QPushButton *m_open;
    MapControls *m_controls;
    void requestMap();
    QLineEdit *m_word, *m_query;
    QListWidget *m_lineHits, *m_tokenHits;
    PlotWidget *m_plot;
    QCPGraph *m_ringed = nullptr;
    std::vector<QString> m_labels; // the legend's labels, in graph order
};

} // namespace bertlens
