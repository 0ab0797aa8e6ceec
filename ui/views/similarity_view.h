#pragma once

#include "analysis/view_data.h"
#include "views/heatmap_plot.h"

#include <QComboBox>
#include <QWidget>

namespace bertlens {

// Cosine similarity between the selected sentence's tokens, or between sentence vectors, at the
// selected layer, on a diverging scale fixed at -1..1.
class SimilarityView : public QWidget {
    Q_OBJECT

public:
    explicit SimilarityView(QWidget *parent = nullptr);
    void showData(const ViewData &view);
    HeatmapPlot *plot() const { return m_plot; }

Q_SIGNALS:
    void modeChanged(SimilarityMode mode);
    void poolingChanged(Pooling pooling);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QComboBox *m_mode;
    QComboBox *m_pooling;
    HeatmapPlot *m_plot;
};

} // namespace bertlens
