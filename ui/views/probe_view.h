#pragma once

#include "analysis/probe/probe_result.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace bertlens {

class PlotWidget;

// "Which layer knows this?": a labelled set (a lesson set BertLens ships, or the user's
// TEXT<TAB>LABEL file) probed at every layer; accuracy by layer with the shuffled-label control
// and the folds' spread, the most common label's share as the floor. Its CSV is the plot's data.
class ProbeView : public QWidget {
    Q_OBJECT

public:
    explicit ProbeView(QWidget *parent = nullptr);
    void showResult(std::shared_ptr<const ProbeResult> result, const QString &path, int lines);
    void setBusy(bool busy);
    // The set chosen: a lesson set's path, or the file opened.
    QString setPath() const;
    void addSetFile(const QString &path); // chosen, and listed after the lesson sets
    PlotWidget *plot() const { return m_plot; }
    QString summary() const;
    QPushButton *runButton() const { return m_run; }

Q_SIGNALS:
    void runRequested(const QString &path, bertlens::Pooling pooling, int folds);
    void stopRequested();
    void openRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void draw();
    QString setTitle(const QString &path) const;
    QComboBox *m_set, *m_pooling;
    QSpinBox *m_folds;
    QPushButton *m_open, *m_run;
    QLabel *m_explanation, *m_summary;
    PlotWidget *m_plot;
    std::shared_ptr<const ProbeResult> m_result;
    QString m_resultPath;
    int m_lines = 0;
    bool m_busy = false;
};

} // namespace bertlens
