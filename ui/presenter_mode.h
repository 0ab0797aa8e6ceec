#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>

#include <vector>

class QMainWindow;
class QWidget;

namespace bertlens {

// View → Presenter mode: the window full screen with its side panels hidden, every font scaled by
// one zoom factor (remembered), and a high-contrast palette and colour scales that survive a
// washed-out projector.
class PresenterMode : public QObject {
    Q_OBJECT

public:
    // `panels` are hidden while presenting and shown again afterwards (those that were shown).
    PresenterMode(QMainWindow *window, std::vector<QWidget *> panels);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    double zoom() const { return m_zoom; }
    void zoomIn();
    void zoomOut();
    void resetZoom();

    static constexpr double kDefaultZoom = 2.0;

Q_SIGNALS:
    // The look changed (entered, left, zoomed): views redraw with the current colour scales.
    void changed();

private:
    void setZoom(double zoom);
    void applyLook();

    QMainWindow *m_window;
    std::vector<QWidget *> m_panels;
    std::vector<bool> m_panelWasVisible;
    bool m_active = false;
    bool m_wasMaximized = false;
    QByteArray m_geometry; // the window's, before presenting
    double m_zoom;
    QFont m_baseFont;
    QPalette m_basePalette;
};

} // namespace bertlens
