#pragma once

#include "model/knockout.h"
#include "session/explain_session.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace bertlens {

class HeatmapPlot;

// The head-importance map: for the Explain panel's target, what knocking out each head (and each
// layer's FFN, the last column) takes away: layers × heads on a diverging scale. A click on a head
// opens its attention map.
class HeadImportanceView : public QWidget {
    Q_OBJECT

public:
    explicit HeadImportanceView(QWidget *parent = nullptr);
    void showImportance(std::shared_ptr<const ImportanceMap> map, const Knockout &knockout);
    HeatmapPlot *plot() const { return m_plot; }

Q_SIGNALS:
    void headActivated(int layer, int head); // layer 1..L, head 0-based

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QLabel *m_title;
    HeatmapPlot *m_plot;
    std::shared_ptr<const ImportanceMap> m_map;
    Knockout m_knockout;
};

} // namespace bertlens
