#pragma once

#include "analysis/model_comparison.h"

#include <QWidget>

#include <memory>

class QLabel;
class QSpinBox;

namespace bertlens {

class HeatmapPlot;
class PlotWidget;

// Two models side by side (File → Compare with…): the selected sentence's attention in both and
// their difference, the CKA of every layer pair, and each row's cosine between the models.
class CompareView : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);
    // Null: no second model (the view says how to open one).
    void showComparison(std::shared_ptr<const ModelComparison> comparison, const QString &nameA, const QString &nameB);
    void setLayerCount(int layersB); // the second model's layer selector
    HeatmapPlot *ckaPlot() const { return m_cka; }
    HeatmapPlot *differencePlot() const { return m_difference; }
    PlotWidget *cosinePlot() const { return m_cosine; }

Q_SIGNALS:
    void layerChanged(int layerB); // −1: the same as the first model's

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    std::shared_ptr<const ModelComparison> m_comparison;
    QString m_nameA, m_nameB;
    QLabel *m_title, *m_note, *m_layerLabel;
    QSpinBox *m_layer;
    HeatmapPlot *m_a, *m_b, *m_difference, *m_cka;
    PlotWidget *m_cosine;
};

} // namespace bertlens
