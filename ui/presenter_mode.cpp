#include "presenter_mode.h"

#include "views/view_style.h"

#include <QApplication>
#include <QMainWindow>
#include <QSettings>
#include <QToolTip>
#include <QTimer>

#include <algorithm>

namespace bertlens {

namespace {

constexpr double kStep = 1.15, kLeast = 1.0, kMost = 4.0;

// Black on white, a dark selection: what stays readable when a projector washes colours out.
QPalette highContrastPalette()
{
    QPalette p;
    for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::ToolTipBase})
        p.setColor(role, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
        p.setColor(role, Qt::black);
    p.setColor(QPalette::Button, QColor(225, 225, 225));
    p.setColor(QPalette::Highlight, QColor(0, 0, 150));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(60, 60, 60));
    p.setColor(QPalette::Mid, Qt::black);
    p.setColor(QPalette::Dark, Qt::black);
    return p;
}

} // namespace

PresenterMode::PresenterMode(QMainWindow *window, std::vector<QWidget *> panels)
    : QObject(window), m_window(window), m_panels(std::move(panels)),
      m_zoom(std::clamp(QSettings().value("presenterZoom", kDefaultZoom).toDouble(), kLeast, kMost))
{
}

void PresenterMode::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        m_baseFont = QApplication::font();
        m_basePalette = QApplication::palette();
        m_wasMaximized = m_window->isMaximized();
        m_geometry = m_window->saveGeometry();
        m_panelWasVisible.clear();
        for (QWidget *panel : m_panels) {
            m_panelWasVisible.push_back(panel->isVisible());
            panel->hide();
        }
        m_window->showFullScreen(); // on the screen the window is on
        applyLook();
        return;
    }
    // The normal fonts first: with the large ones the window's minimum size would outgrow the
    // screen, and it would keep that size after leaving.
    applyLook();
    for (size_t i = 0; i < m_panels.size(); ++i)
        m_panels[i]->setVisible(m_panelWasVisible[i]);
    if (m_wasMaximized)
        m_window->showMaximized();
    else
        m_window->showNormal();
    // Once more when the layouts have taken the normal fonts: until then the window's minimum
    // size is the presenting one's, larger than the geometry being restored (measured under
    // openbox: 1877×961 instead of 1400×900).
    m_window->restoreGeometry(m_geometry);
    QTimer::singleShot(0, m_window, [this] { m_window->restoreGeometry(m_geometry); });
}

void PresenterMode::zoomIn() { setZoom(m_zoom * kStep); }
void PresenterMode::zoomOut() { setZoom(m_zoom / kStep); }
void PresenterMode::resetZoom() { setZoom(kDefaultZoom); }

void PresenterMode::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kLeast, kMost);
    QSettings().setValue("presenterZoom", m_zoom);
    if (m_active)
        applyLook();
}

void PresenterMode::applyLook()
{
    setHighContrast(m_active);
    QFont font = m_baseFont;
    if (m_active)
        font.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
    QApplication::setPalette(m_active ? highContrastPalette() : m_basePalette);
    QApplication::setFont(font);
    rescaleFonts();
    QToolTip::setFont(font);
    QToolTip::setPalette(QApplication::palette());
    Q_EMIT changed();
}

} // namespace bertlens
