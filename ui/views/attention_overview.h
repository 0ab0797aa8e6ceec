#pragma once

#include "views/analysis_view.h"
#include "views/plot_widget.h"

#include "model/knockout.h"

class QToolButton;

namespace bertlens {

// Every layer x head attention map of the selected sentence as small multiples (rows: layers,
// columns: heads), drawn as one mosaic colour map; a click opens that map in the attention view.
//
// Knock-outs: with "Click knocks out" on (or from a map's context menu), a click switches a head
// off or on again; the knocked-out heads are crossed out and a layer whose FFN is off says so.
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

    // Knocked-out heads as drawn (crossed out), layer 1..L and head 0-based.
    std::vector<std::pair<int, int>> crossedOut() const;
    QToolButton *knockoutMode() const { return m_knockoutMode; }

Q_SIGNALS:
    void mapActivated(int layer, int head);
    // A head (head ≥ 0) or a layer's FFN (head −1) to switch off, or on again.
    void knockoutToggled(int layer, int head);
    void knockoutResetRequested();

protected:
    void retranslateUi() override;

private:
    // The map under a point of the plot: (layer 1..L, head), or (0, -1).
    std::pair<int, int> mapAt(const QPoint &pos) const;
    void showMenu(const QPoint &pos);

    PlotWidget *m_plot;
    QToolButton *m_knockoutMode;
    std::vector<QCPItemLine *> m_crosses;
    Knockout m_knockout;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPTextElement *m_title;
    int m_sentence = 0;
    QCPItemRect *m_current;
    int m_currentLayer = 0, m_currentHead = -1;
    int m_tokens = 0, m_layers = 0, m_heads = 0;
};

} // namespace bertlens
