#pragma once

#include "views/analysis_view.h"
#include "views/heatmap_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>

namespace bertlens {

// One layer's attention for the selected sentence: one head or the mean over heads, rows
// attending from, columns attended to.
class AttentionView : public AnalysisView {
    Q_OBJECT

public:
    explicit AttentionView(QWidget *parent = nullptr);
    void showData(const ViewInput &input) override;
    HeatmapPlot *plot() const { return m_plot; }

Q_SIGNALS:
    void headChanged(int head); // -1: mean over heads
    void rolloutChanged(bool rollout);
    void hideSpecialColumnsChanged(bool hide);
    void tokenActivated(int token);

protected:
    void retranslateUi() override;

private:
    QLabel *m_title;
    QComboBox *m_mode;
    QComboBox *m_head;
    QCheckBox *m_hideSpecial;
    HeatmapPlot *m_plot;
    std::vector<int> m_rowFirstToken;
    int m_layer = 1;
    int m_selectedLayer = 0; // the layer selector: 0 = embeddings
    bool m_rollout = false;
    int m_sentence = 0;
    int m_headShown = -1;
    bool m_words = false;
    bool m_hasSentence = false;
};

} // namespace bertlens
