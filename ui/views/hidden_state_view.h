#pragma once

#include "views/analysis_view.h"
#include "views/heatmap_plot.h"

#include <QLabel>

namespace bertlens {

// The selected sentence's hidden states at the selected layer (tokens x dimensions), and every
// token's vector norm across layers 0..N.
class HiddenStateView : public AnalysisView {
    Q_OBJECT

public:
    explicit HiddenStateView(QWidget *parent = nullptr);
    void showData(const ViewInput &input) override;
    HeatmapPlot *heatmap() const { return m_heatmap; }
    PlotWidget *normPlot() const { return m_norms; }

Q_SIGNALS:
    void tokenActivated(int token);

protected:
    void retranslateUi() override;

private:
    QLabel *m_title;
    HeatmapPlot *m_heatmap;
    PlotWidget *m_norms;
    std::vector<int> m_rowFirstToken;
    int m_layer = 0;
    int m_sentence = 0;
    bool m_words = false;
    bool m_hasSentence = false;
};

} // namespace bertlens
