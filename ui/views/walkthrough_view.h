#pragma once

#include "analysis/walkthrough.h"

#include <QWidget>

#include <initializer_list>
#include <memory>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace bertlens {

// The lesson: what BERT computes for one token of the selected sentence at the selected layer
// and head, one step per page, with the engine's own numbers (core's Walkthrough). → / ← and
// PageDown / PageUp step (what presentation clickers send), Home / End jump.
class WalkthroughView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSteps = 7;
    // Where a step points to in the other views.
    enum class Link { Attention, HiddenStates, Projection };

    explicit WalkthroughView(QWidget *parent = nullptr);
    void showWalkthrough(std::shared_ptr<const Walkthrough> walkthrough);
    std::shared_ptr<const Walkthrough> walkthrough() const { return m_data; }
    // 0-based.
    void setStep(int step);
    int step() const { return m_step; }
    QWidget *page(int step) const;

Q_SIGNALS:
    void stepChanged(int step);
    void layerRequested(int layer); // "previous / next layer" on the feed-forward page
    void linkActivated(bertlens::WalkthroughView::Link link);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuildPages();
    QString stepName(int step) const;
    // Buttons that show the step's numbers in the other views, then a stretch.
    void addLinks(QHBoxLayout *row, std::initializer_list<Link> links);
    QWidget *tokenizationPage();
    QWidget *embeddingPage();
    QWidget *projectionPage();
    QWidget *scoresPage();
    QWidget *weightedSumPage();
    QWidget *feedForwardPage();
    QWidget *outputPage();

    std::shared_ptr<const Walkthrough> m_data;
    int m_step = 0;
    QLabel *m_header;
    QToolButton *m_previous, *m_next;
    std::vector<QPushButton *> m_stepButtons;
    QStackedWidget *m_pages;
};

} // namespace bertlens
