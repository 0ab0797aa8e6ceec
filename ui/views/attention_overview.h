#pragma once

#include "views/analysis_view.h"
#include "views/plot_widget.h"

namespace bertlens {

// Every layer x head attention map of the selected sentence as small multiples (rows: layers,
// columns: heads), drawn as one mosaic colour map; a click opens that map in the attention view.
class AttentionOverview : public AnalysisView {
    Q_OBJECT

public:
    explicit AttentionOverview(QWidget *parent = nullptr);
    void showData(const ViewInput &input) override;
    PlotWidget *plot() const { return m_plot; }
    // The weight shown for (layer 1..L, head, from, to), read back from the mosaic.
    double mapValue(int layer, int head, int from, int to) const;
    // The outlined map: what the Attention tab shows (layer 1..L; head -1 = every head of the layer),
    // or (0, -1) when nothing is outlined.
    std::pair<int, int> outlinedMap() const;

Q_SIGNALS:
    void mapActivated(int layer, int head);

protected:
    void retranslateUi() override;

private:
    PlotWidget *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPTextElement *m_title;
    int m_sentence = 0;
    QCPItemRect *m_current;
    int m_currentLayer = 0, m_currentHead = -1;
    int m_tokens = 0, m_layers = 0, m_heads = 0;
};

} // namespace bertlens
