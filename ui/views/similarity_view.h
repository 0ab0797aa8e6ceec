#pragma once

#include "views/analysis_view.h"
#include "views/heatmap_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>

namespace bertlens {

// Cosine similarity between the selected sentence's tokens, or between sentence vectors, at the
// selected layer, on a diverging scale fixed at -1..1.
class SimilarityView : public AnalysisView {
    Q_OBJECT

public:
    explicit SimilarityView(QWidget *parent = nullptr);
    void showData(const ViewInput &input) override;
    HeatmapPlot *plot() const { return m_plot; }
    QString baselineText() const;
    QString title() const;

Q_SIGNALS:
    void modeChanged(SimilarityMode mode);
    void poolingChanged(Pooling pooling);
    void centreChanged(bool centre);
    void otherSentenceChanged(int sentence); // 0-based

protected:
    void retranslateUi() override;

private:
    QComboBox *m_mode;
    QComboBox *m_pooling;
    QCheckBox *m_centre;
    QSpinBox *m_other;
    QLabel *m_baseline;
    QLabel *m_title;
    int m_layer = 0;
    int m_sentence = 0;
    bool m_words = false;
    HeatmapPlot *m_plot;
    double m_baselineValue = 0;
    bool m_sentences = false;
    SimilarityMode m_modeShown = SimilarityMode::Tokens;
    int m_otherShown = 1;
    std::string m_word;
};

} // namespace bertlens
