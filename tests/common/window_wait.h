#pragma once
// Waits for the real window as a user would: events processed until it has settled.

#include "main_window.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace bertlens::test {

// True once nothing computes and everything asked for is shown (MainWindow::isSettled).
inline bool waitSettled(MainWindow *window, int ms = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (window->isSettled())
            return true;
    }
    return false;
}

} // namespace bertlens::test
