#pragma once

#include "views/analysis_view.h"
#include "views/plot_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

#include <optional>

namespace bertlens {

class MapControls;

// A map of token vectors (all sentences, one layer) or of sentence vectors — PCA, UMAP or t-SNE,
// the last two with their seed, drawn as they form, with how well they keep neighbourhoods — or
// PCA of one token's path through the layers; colour by sentence, by word or by k-means cluster.
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
    // A UMAP or t-SNE map of the points shown: as it forms (step of steps), then done.
    void showLayout(const Matrix &layout, int step, int steps);
    void showMap(const MapResult &map);
    void showMapStopped(); // cancelled or failed: the PCA plane stays
    QString qualityText() const;
    QComboBox *methodBox() const;

Q_SIGNALS:
    void modeChanged(ProjectionMode mode);
    void methodChanged(MapMethod method);
    void seedChanged(int seed);
    void colourChanged(MapColour colour);
    void clustersChanged(int k);
    void withoutSpecialChanged(bool without);
    void stopRequested();
    void poolingChanged(Pooling pooling);
    void tokenActivated(int sentence, int token);

protected:
    void retranslateUi() override;

private:
    void draw();
    QString axisTitle(int axis) const;
    QComboBox *m_mode;
    MapControls *m_controls;
    QCheckBox *m_withoutSpecial;
    MapMethod m_methodShown = MapMethod::Pca; // what the points' positions are
    MapMethod m_methodWanted = MapMethod::Pca;
    MapColour m_colourShown = MapColour::Sentence;
    std::vector<int> m_pointClusters;
    double m_silhouette = 0;
    int m_k = 0;
    uint64_t m_seedShown = 0;
    std::optional<MapResult> m_map; // the finished UMAP / t-SNE map shown, for its figures
    std::vector<QString> m_wordNames; // with colour by word: each graph's word
    ViewSelection m_selection;
    int m_step = 0, m_steps = 0;     // while one forms
    QComboBox *m_pooling;
    QLabel *m_title;
    QLineEdit *m_search;
    PlotWidget *m_plot;
    std::vector<ProjectionPoint> m_points;
    std::vector<ProjectionPoint> m_pcaPoints; // the view data's PCA plane, shown again when a map stops
    bool m_stopped = false;
    std::optional<MapQuality> m_pcaQuality;
    QString graphName(int sentence) const;
    int m_sentence = 0;
    bool m_words = false;
    int m_token = 0;
    ProjectionMode m_modeShown = ProjectionMode::Tokens;
    std::vector<double> m_explained;
    std::vector<int> m_graphSentences; // the sentence (or cluster) of each graph, for its legend entry
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
