#pragma once

#include "analysis/view_data.h"
#include "views/plot_widget.h"

#include <QComboBox>
#include <QWidget>

namespace bertlens {

// PCA of token vectors (all sentences, one layer), of sentence vectors, or of one token's path
// through the layers; colour by sentence, explained variance in the axis titles.
class ProjectionView : public QWidget {
    Q_OBJECT

public:
    explicit ProjectionView(QWidget *parent = nullptr);
    void showData(const ViewData &view);
    PlotWidget *plot() const { return m_plot; }
    // The plotted points, graph by graph, each graph sorted by x.
    QVector<QPointF> plottedPoints() const;

Q_SIGNALS:
    void modeChanged(ProjectionMode mode);
    void poolingChanged(Pooling pooling);
    void tokenActivated(int sentence, int token);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QComboBox *m_mode;
    QComboBox *m_pooling;
    PlotWidget *m_plot;
    std::vector<ProjectionPoint> m_points;
    std::vector<double> m_explained;
    int m_layer = 0;
};

QColor sentenceColour(int sentence);
// (Re)fills a pooling combo box (CLS, mean, max) in the current language, keeping its choice.
void fillPoolingCombo(QComboBox *combo);

} // namespace bertlens
