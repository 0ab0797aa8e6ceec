#include "views/vector_strip.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace bertlens {

namespace {

constexpr int kPrinted = 6; // values printed under the strip

QString number(double v) { return QString::number(v, 'f', 3).replace('-', QChar(0x2212)); }

} // namespace

QColor divergingColour(double value, double scale)
{
    const double t = std::clamp(scale > 0 ? value / scale : 0.0, -1.0, 1.0);
    const QColor end = t < 0 ? QColor(33, 102, 172) : QColor(178, 24, 43);
    const double a = std::abs(t);
    return QColor::fromRgbF(1 - a + a * end.redF(), 1 - a + a * end.greenF(), 1 - a + a * end.blueF());
}

VectorStrip::VectorStrip(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void VectorStrip::setValues(std::vector<float> values, double scale)
{
    m_values = std::move(values);
    double largest = 0;
    for (float v : m_values)
        largest = std::max(largest, double(std::abs(v)));
    m_scale = scale > 0 ? scale : std::max(largest, 1e-12);
    updateGeometry();
    update();
}

QSize VectorStrip::sizeHint() const { return {600, fontMetrics().height() * 3}; }
QSize VectorStrip::minimumSizeHint() const { return {120, fontMetrics().height() * 3}; }

QRect VectorStrip::stripRect() const { return QRect(0, 0, width(), fontMetrics().height() * 3 / 2).adjusted(1, 1, -1, 0); }

QString VectorStrip::printedValues() const
{
    QStringList shown;
    for (size_t i = 0; i < std::min<size_t>(kPrinted, m_values.size()); ++i)
        shown << number(m_values[i]);
    return "[" + shown.join(", ") + (m_values.size() > kPrinted ? ", …" : "") + "]  "
           + tr("(%n value(s))", nullptr, int(m_values.size()));
}

void VectorStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect strip = stripRect();
    const int n = int(m_values.size());
    if (n > 0) {
        // One rectangle per cell, or per pixel column where cells are narrower than a pixel.
        const int columns = std::min(n, strip.width());
        for (int c = 0; c < columns; ++c) {
            const int first = int(int64_t(c) * n / columns), last = int(int64_t(c + 1) * n / columns);
            double v = 0;
            for (int i = first; i < last; ++i)
                v = std::abs(m_values[size_t(i)]) > std::abs(v) ? m_values[size_t(i)] : v; // the strongest shows
            const int x0 = strip.left() + int(int64_t(c) * strip.width() / columns);
            const int x1 = strip.left() + int(int64_t(c + 1) * strip.width() / columns);
            p.fillRect(QRect(x0, strip.top(), std::max(1, x1 - x0), strip.height()), divergingColour(v, m_scale));
        }
    }
    p.setPen(palette().color(QPalette::WindowText));
    p.drawRect(strip.adjusted(0, 0, -1, -1));
    p.drawText(QRect(0, strip.bottom() + 2, width(), height() - strip.height()), Qt::AlignLeft | Qt::AlignTop, printedValues());
}

QString VectorStrip::toolTipAt(int index) const
{
    if (index < 0 || index >= int(m_values.size()))
        return {};
    const int perLine = m_values.size() > 1024 ? 32 : 16;
    QString text = tr("dimension %1: %2").arg(index).arg(number(m_values[size_t(index)])) + "\n";
    for (size_t i = 0; i < m_values.size(); ++i)
        text += (i % size_t(perLine) ? " " : "\n") + number(m_values[i]).rightJustified(7);
    return text;
}

bool VectorStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QRect strip = stripRect();
        if (!m_values.empty() && strip.contains(help->pos())) {
            const int index = int(int64_t(help->pos().x() - strip.left()) * int64_t(m_values.size()) / std::max(1, strip.width()));
            QToolTip::showText(help->globalPos(), "<pre>" + toolTipAt(index).toHtmlEscaped() + "</pre>", this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace bertlens
