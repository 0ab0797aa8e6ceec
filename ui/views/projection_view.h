#pragma once

#include "views/analysis_view.h"
#include "views/plot_widget.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

namespace bertlens {

// PCA of token vectors (all sentences, one layer), of sentence vectors, or of one token's path
// through the layers; colour by sentence, explained variance in the axis titles.
class ProjectionView : public AnalysisView {
    Q_OBJECT

public:
    explicit ProjectionView(QWidget *parent = nullptr);
    void showData(const ViewInput &input) override;
    PlotWidget *plot() const { return m_plot; }
    // The plotted points, graph by graph, each graph sorted by x.
    QVector<QPointF> plottedPoints() const;
    // The index (in the view data's points) of the point ringed as selected, or -1.
    int highlightedPoint() const;
    // The points ringed by the search box (their label equals its text, case ignored).
    std::vector<int> searchedPoints() const;
    QLineEdit *searchBox() const { return m_search; }
    int labelCount() const { return m_labelCount; }
    // Of those, the labels drawn: the ones that would overlap a label before them are left out.
    int visibleLabelCount() const;
    QString title() const;

Q_SIGNALS:
    void modeChanged(ProjectionMode mode);
    void poolingChanged(Pooling pooling);
    void tokenActivated(int sentence, int token);

protected:
    void retranslateUi() override;

private:
    QComboBox *m_mode;
    QComboBox *m_pooling;
    QLabel *m_title;
    QLineEdit *m_search;
    PlotWidget *m_plot;
    std::vector<ProjectionPoint> m_points;
    QString graphName(int sentence) const;
    int m_sentence = 0;
    bool m_words = false;
    int m_token = 0;
    ProjectionMode m_modeShown = ProjectionMode::Tokens;
    std::vector<double> m_explained;
    std::vector<int> m_graphSentences; // the sentence of each graph, for its legend entry
    bool m_trajectory = false;
    int m_highlighted = -1;
    std::vector<int> m_found;
    std::vector<QCPAbstractItem *> m_rings;
    int m_labelCount = 0;
    std::vector<QCPItemText *> m_labels; // by priority
    void hideOverlappingLabels();
    // Both axes in the same units per pixel (a PCA plane), every point inside with a margin, for
    // the plot's current size.
    void fitEqualAspect();
    QSize m_fittedSize; // the axis rect the ranges were fitted to
    static constexpr size_t kAllLabels = 60, kOutlierLabels = 20, kLegendEntries = 10;
    void ringPoint(int index, const QColor &colour, int radius);
    void markSearched();
    int m_layer = 0;
};

} // namespace bertlens
