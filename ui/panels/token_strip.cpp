#include "panels/token_strip.h"

#include "views/view_style.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace bertlens {

namespace {
constexpr int kPad = 6;
constexpr int kGap = 4;
} // namespace

TokenStrip::TokenStrip(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    keepFontScaled(this, 1.2);
    setAccessibleName(tr("Tokens of every sentence"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void TokenStrip::setResult(std::shared_ptr<const AnalysisResult> result)
{
    m_result = std::move(result);
    layoutChips();
}

void TokenStrip::setSelected(int sentence, int token)
{
    m_selectedSentence = sentence;
    m_selectedToken = token;
    update();
}

QSize TokenStrip::sizeHint() const { return QSize(400, std::max(m_height, fontMetrics().height() + 2 * kPad)); }

// Room for "S12" left of each sentence's chips, in the current font.
int TokenStrip::labelWidth() const { return fontMetrics().horizontalAdvance("S88") + 2 * kGap; }

void TokenStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setAccessibleName(tr("Tokens of every sentence"));
    if (event->type() == QEvent::FontChange)
        layoutChips();
    QWidget::changeEvent(event);
}

void TokenStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutChips();
}

void TokenStrip::layoutChips()
{
    m_chips.clear();
    const QFontMetrics fm(font());
    const int chipHeight = fm.height() + 6;
    int y = kGap;
    if (m_result) {
        for (size_t s = 0; s < m_result->sentences.size(); ++s) {
            int x = labelWidth();
            const auto &tokens = m_result->sentences[s].encoding.labels;
            for (size_t t = 0; t < tokens.size(); ++t) {
                const int w = fm.horizontalAdvance(QString::fromStdString(tokens[t])) + 2 * kPad;
                if (x + w > width() - kGap && x > labelWidth()) {
                    x = labelWidth();
                    y += chipHeight + kGap;
                }
                m_chips.push_back({QRect(x, y, w, chipHeight), int(s), int(t)});
                x += w + kGap;
            }
            y += chipHeight + 2 * kGap;
        }
    }
    if (m_cursor >= int(m_chips.size()))
        m_cursor = m_chips.empty() ? -1 : int(m_chips.size()) - 1;
    const bool changed = y != m_height;
    m_height = y;
    setMinimumHeight(m_height);
    if (changed)
        Q_EMIT heightChanged(m_height);
    updateGeometry();
    update();
}

QRect TokenStrip::chipRect(int sentence, int token) const
{
    for (const Chip &c : m_chips)
        if (c.sentence == sentence && c.token == token)
            return c.rect;
    return {};
}

const TokenStrip::Chip *TokenStrip::chipAt(const QPoint &pos) const
{
    for (const Chip &c : m_chips)
        if (c.rect.contains(pos))
            return &c;
    return nullptr;
}

void TokenStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (!m_result)
        return;
    int lastSentence = -1;
    for (const Chip &c : m_chips) {
        const auto &enc = m_result->sentences[size_t(c.sentence)].encoding;
        if (c.sentence != lastSentence) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(QRect(0, c.rect.top(), labelWidth() - kGap, c.rect.height()), Qt::AlignRight | Qt::AlignVCenter,
                       QString("S%1").arg(c.sentence + 1));
            lastSentence = c.sentence;
        }
        const QString text = QString::fromStdString(enc.labels[size_t(c.token)]);
        const bool special = enc.specialMask[size_t(c.token)];
        const bool selected = c.sentence == m_selectedSentence && c.token == m_selectedToken;
        const bool continuation = enc.continuesWord(c.token);
        QColor fill = special ? QColor(230, 230, 230) : enc.typeIds[size_t(c.token)] ? QColor(255, 236, 214) : QColor(222, 235, 247);
        if (selected)
            fill = QColor(255, 170, 60);
        p.setBrush(fill);
        p.setPen(QPen(special ? QColor(150, 150, 150) : QColor(90, 120, 160), 1, special ? Qt::DashLine : Qt::SolidLine));
        p.drawRoundedRect(c.rect, 5, 5);
        p.setPen(special ? QColor(110, 110, 110) : continuation ? QColor(60, 60, 60) : Qt::black);
        QFont f = font();
        f.setItalic(special);
        p.setFont(f);
        p.drawText(c.rect, Qt::AlignCenter, text);
    }
    // The keyboard's place: a thick ring in the palette's highlight, outside the chip, so that it
    // shows on the selected (orange) chip too.
    if (hasFocus() && m_cursor >= 0 && m_cursor < int(m_chips.size())) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette().color(QPalette::Highlight), 3));
        p.drawRoundedRect(m_chips[size_t(m_cursor)].rect.adjusted(-2, -2, 2, 2), 6, 6);
    }
}

QString TokenStrip::chipText(int chip) const
{
    const auto [sentence, token] = chipToken(chip);
    return QString::fromStdString(m_result->sentences[size_t(sentence)].encoding.labels[size_t(token)]);
}

bool TokenStrip::isChipSelected(int chip) const
{
    return chipToken(chip) == std::pair(m_selectedSentence, m_selectedToken);
}

void TokenStrip::moveCursor(int chip)
{
    if (m_chips.empty())
        return;
    m_cursor = std::clamp(chip, 0, int(m_chips.size()) - 1);
    update();
    if (QAccessible::isActive() && hasFocus()) { // a screen reader reads the token the ring moved to
        QAccessibleEvent moved(this, QAccessible::Focus);
        moved.setChild(m_cursor);
        QAccessible::updateAccessibility(&moved);
    }
}

void TokenStrip::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    if (m_cursor < 0) // start at the selected token, else the first
        for (int i = 0; i < int(m_chips.size()) && m_cursor < 0; ++i)
            if (isChipSelected(i))
                m_cursor = i;
    moveCursor(std::max(0, m_cursor));
}

void TokenStrip::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void TokenStrip::keyPressEvent(QKeyEvent *event)
{
    if (m_chips.empty())
        return QWidget::keyPressEvent(event);
    const int sentence = m_chips[size_t(std::max(0, m_cursor))].sentence;
    auto firstOf = [this](int s) {
        for (int i = 0; i < int(m_chips.size()); ++i)
            if (m_chips[size_t(i)].sentence == s)
                return i;
        return -1;
    };
    switch (event->key()) {
    case Qt::Key_Left: moveCursor(m_cursor - 1); break;
    case Qt::Key_Right: moveCursor(m_cursor + 1); break;
    case Qt::Key_Home: moveCursor(firstOf(sentence)); break;
    case Qt::Key_End: moveCursor(firstOf(sentence + 1) >= 0 ? firstOf(sentence + 1) - 1 : int(m_chips.size()) - 1); break;
    case Qt::Key_Up:
        if (sentence > 0)
            moveCursor(firstOf(sentence - 1));
        break;
    case Qt::Key_Down:
        if (firstOf(sentence + 1) >= 0)
            moveCursor(firstOf(sentence + 1));
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter: Q_EMIT tokenClicked(m_chips[size_t(m_cursor)].sentence, m_chips[size_t(m_cursor)].token); break;
    case Qt::Key_M: Q_EMIT tokenDoubleClicked(m_chips[size_t(m_cursor)].sentence, m_chips[size_t(m_cursor)].token); break;
    default: return QWidget::keyPressEvent(event);
    }
}

void TokenStrip::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const Chip *c = chipAt(event->pos()))
        Q_EMIT tokenDoubleClicked(c->sentence, c->token);
}

void TokenStrip::mouseMoveEvent(QMouseEvent *event)
{
    const Chip *c = chipAt(event->pos());
    const std::pair<int, int> hovered = c ? std::pair{c->sentence, c->token} : std::pair{-1, -1};
    if (hovered != m_hovered && c)
        Q_EMIT tokenHovered(c->sentence, c->token);
    m_hovered = hovered;
}

void TokenStrip::mousePressEvent(QMouseEvent *event)
{
    if (const Chip *c = chipAt(event->pos()))
        Q_EMIT tokenClicked(c->sentence, c->token);
}

QString TokenStrip::tokenToolTip(int sentence, int token) const
{
    const SentenceAnalysis &s = m_result->sentences[size_t(sentence)];
    const Encoding &enc = s.encoding;
    const auto [start, end] = enc.offsets[size_t(token)];
    QString text = tr("%1\nid %2 · characters %3–%4 · segment %5")
                       .arg(QString::fromStdString(enc.labels[size_t(token)]))
                       .arg(enc.ids[size_t(token)]).arg(start).arg(end).arg(enc.typeIds[size_t(token)] ? "B" : "A");
    if (enc.roles[size_t(token)] == TokenRole::Unknown && !enc.specialMask[size_t(token)]) {
        // What the unknown token stands for: its characters in the original text.
        const QList<uint> original = QString::fromStdString(enc.typeIds[size_t(token)] ? s.input.pair : s.input.text).toUcs4();
        if (end <= original.size())
            text += "\n" + tr("stands for “%1”, which the vocabulary cannot spell")
                                .arg(QString::fromUcs4(reinterpret_cast<const char32_t *>(original.constData()) + start, end - start));
    }
    return text;
}

bool TokenStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_result) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const Chip *c = chipAt(help->pos())) {
            QToolTip::showText(help->globalPos(), tokenToolTip(c->sentence, c->token), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace bertlens
