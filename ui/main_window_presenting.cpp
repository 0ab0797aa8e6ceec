// MainWindow in presenter mode: what the window gives the screen while presenting (the tokens,
// the predictions with a [MASK], the view), and what it gives back after (its geometry and
// splitters). The look itself (fonts, palette, full screen) is PresenterMode's.
#include "main_window.h"

#include "panels/predictions_panel.h"
#include "panels/token_strip.h"
#include "presenter_mode.h"

#include <QAction>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>

namespace bertlens {

// Presenting, the tokens take the height their rows need (with a [MASK], the predictions theirs)
// and the view gets the rest of the screen.
void MainWindow::fitTokensWhilePresenting()
{
    const bool presenting = m_presenter->isActive();
    const bool predictions = !presenting || m_predictions->hasPredictions();
    m_predictions->setVisible(predictions);
    const int tokens = m_tokens->sizeHint().height() + 2 * m_tokenScroll->frameWidth();
    m_tokenScroll->setMaximumHeight(presenting && !predictions ? tokens : QWIDGETSIZE_MAX);
    if (presenting) {
        const QSize needed(m_predictions->minimumSizeHint().width(), m_predictions->neededHeight());
        const int top = predictions ? std::max(tokens, needed.height()) : tokens;
        m_splitter->setSizes({top, std::max(1, m_splitter->height() - top)});
        if (predictions) // every layer of the lens, every column, at the presenting font
            m_topSplitter->setSizes({std::max(1, m_topSplitter->width() - needed.width()), needed.width()});
    }
}

void MainWindow::setPresenterMode(bool on)
{
    m_presenterAction->setChecked(on);
    for (QAction *a : {m_zoomInAction, m_zoomOutAction, m_zoomResetAction})
        a->setEnabled(on);
    if (on == m_presenter->isActive())
        return;
    if (on) {
        m_splitterState = m_splitter->saveState();
        m_topSplitterState = m_topSplitter->saveState();
        m_normalSize = size();
    }
    m_presenter->setActive(on);
    fitTokensWhilePresenting();
    if (!on) {
        // Again once the window manager has given the window its size back (resizeEvent).
        m_splitter->restoreState(m_splitterState);
        m_topSplitter->restoreState(m_topSplitterState);
    }
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_presenter->isActive())
        fitTokensWhilePresenting();
    if (!m_presenter->isActive() && !m_splitterState.isEmpty() && event->size() == m_normalSize) {
        m_splitter->restoreState(m_splitterState);
        m_topSplitter->restoreState(m_topSplitterState);
        m_splitterState.clear();
    }
}

} // namespace bertlens
