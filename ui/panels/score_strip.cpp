#include "panels/score_strip.h"

#include "views/plot_widget.h"
#include "views/view_style.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace bertlens {

namespace {

constexpr int kGap = 6;
constexpr int kPad = 6;

QString number(double value) { return QString::number(value, 'g', 3); }

} // namespace

ScoreStrip::ScoreStrip(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ScoreStrip::setScores(const QStringList &rows, const std::vector<std::vector<QString>> &labels,
                           const std::vector<std::vector<double>> &scores)
{
    m_rows = rows;
    m_labels = labels;
    m_scores = scores;
    m_range = 0;
    for (const auto &text : scores)
        for (double s : text)
            m_range = std::max(m_range, std::abs(s));
    relayout();
    describe();
}

void ScoreStrip::clear() { setScores({}, {}, {}); }

QColor ScoreStrip::colourOf(double score) const
{
    QCPColorGradient gradient = divergingGradient();
    const double r = m_range > 0 ? m_range : 1;
    return QColor(gradient.color(score, QCPRange(-r, r)));
}

int ScoreStrip::layout(int width, std::vector<Chip> *chips) const
{
    const QFontMetrics metrics(font());
    const int height = metrics.height() + kPad;
    int rowLabel = 0;
    for (const QString &row : m_rows)
        rowLabel = std::max(rowLabel, row.isEmpty() ? 0 : metrics.horizontalAdvance(row) + kGap);
    int y = 0;
    for (size_t text = 0; text < m_labels.size(); ++text) {
        int x = rowLabel;
        for (size_t i = 0; i < m_labels[text].size(); ++i) {
            const int w = metrics.horizontalAdvance(m_labels[text][i]) + 2 * kPad;
            if (x > rowLabel && x + w > width) {
                x = rowLabel;
                y += height + kGap;
            }
            if (chips)
                chips->push_back({int(text), int(i), QRect(x, y, w, height)});
            x += w + kGap;
        }
        y += height + 2 * kGap;
    }
    return m_labels.empty() ? 0 : y + metrics.height() * 2 + kGap; // the legend: a bar and its numbers
}

void ScoreStrip::relayout()
{
    m_chips.clear();
    // The rows wrap with the width; the height follows so that no chip or legend is cut.
    setMinimumHeight(layout(width(), &m_chips));
    updateGeometry();
    update();
}

int ScoreStrip::heightForWidth(int width) const { return layout(width, nullptr); }

QSize ScoreStrip::sizeHint() const { return {400, heightForWidth(std::max(width(), 400))}; }

QRect ScoreStrip::chipRect(int text, int token) const
{
    for (const Chip &c : m_chips)
        if (c.text == text && c.token == token)
            return c.rect;
    return {};
}

void ScoreStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ScoreStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) // presenter mode's zoom
        relayout();
    QWidget::changeEvent(event);
}

void ScoreStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    for (const Chip &c : m_chips) {
        const double score = m_scores[size_t(c.text)][size_t(c.token)];
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.setBrush(colourOf(score));
        p.drawRoundedRect(c.rect, 4, 4);
        p.setPen(Qt::black); // every fill of the scale is light enough near 0 and dark text stays readable
        if (std::abs(score) > 0.6 * m_range && m_range > 0)
            p.setPen(Qt::white);
        p.drawText(c.rect, Qt::AlignCenter, m_labels[size_t(c.text)][size_t(c.token)]);
    }
    for (size_t text = 0; text < m_rows.size() && text < m_labels.size(); ++text) {
        const QRect first = chipRect(int(text), 0);
        if (!first.isNull() && !m_rows[int(text)].isEmpty()) {
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(0, first.top(), first.left(), first.height()), Qt::AlignLeft | Qt::AlignVCenter, m_rows[int(text)]);
        }
    }
    if (m_labels.empty())
        return;
    // The legend: the scale from −range to +range, its ends and middle numbered.
    const int bottom = heightForWidth(width());
    const QRect bar(kGap, bottom - 2 * metrics.height(), std::min(width() - 2 * kGap, 320), metrics.height() * 2 / 3);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 10; ++i) {
        const double r = m_range > 0 ? m_range : 1;
        gradient.setColorAt(i / 10.0, colourOf(-r + 2 * r * i / 10.0));
    }
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(gradient);
    p.drawRect(bar);
    p.setPen(palette().color(QPalette::WindowText));
    const int textTop = bar.bottom() + 1;
    p.drawText(QRect(bar.left(), textTop, bar.width(), metrics.height()), Qt::AlignLeft, number(-m_range));
    p.drawText(QRect(bar.left(), textTop, bar.width(), metrics.height()), Qt::AlignHCenter, "0");
    p.drawText(QRect(bar.left(), textTop, bar.width(), metrics.height()), Qt::AlignRight, number(m_range));
}

bool ScoreStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
        for (const Chip &c : m_chips)
            if (c.rect.contains(pos)) {
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                                   tr("%1: score %2").arg(m_labels[size_t(c.text)][size_t(c.token)])
                                       .arg(m_scores[size_t(c.text)][size_t(c.token)], 0, 'g', 6),
                                   this);
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::LanguageChange)
        describe();
    return QWidget::event(event);
}

void ScoreStrip::describe()
{
    QStringList parts;
    for (size_t text = 0; text < m_labels.size(); ++text)
        for (size_t i = 0; i < m_labels[text].size(); ++i)
            parts << tr("%1 %2").arg(m_labels[text][i]).arg(number(m_scores[text][i]));
    setAccessibleDescription(parts.join(tr("; ")));
}

} // namespace bertlens
