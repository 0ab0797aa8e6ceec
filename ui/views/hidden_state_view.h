#pragma once

#include "analysis/sentence_analysis.h"
#include "analysis/view_data.h"
#include "views/heatmap_plot.h"

#include <QLabel>
#include <QWidget>

namespace bertlens {

// The selected sentence's hidden states at the selected layer (tokens x dimensions), and every
// token's vector norm across layers 0..N.
class HiddenStateView : public QWidget {
    Q_OBJECT

public:
    explicit HiddenStateView(QWidget *parent = nullptr);
    void showData(const AnalysisResult &result, const ViewData &view);
    HeatmapPlot *heatmap() const { return m_heatmap; }
    PlotWidget *normPlot() const { return m_norms; }

Q_SIGNALS:
    void tokenActivated(int token);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QLabel *m_title;
    HeatmapPlot *m_heatmap;
    PlotWidget *m_norms;
    int m_layer = 0;
};

} // namespace bertlens
