#include "accessibility.h"

#include "panels/token_strip.h"
#include "views/plot_widget.h"

#include <QAccessibleWidget>
#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleOption>
#include <QPointer>
#include <QTabBar>

#include <vector>

namespace bertlens {

namespace {

// An item of a widget that is not itself a widget (a token chip, a tab): the parent's child by
// its place, reading everything from the owner when asked, as the owner's items change.
class ItemAccessible : public QAccessibleInterface {
public:
    ItemAccessible(QWidget *owner, int index) : m_owner(owner), m_index(index) {}
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_owner ? m_owner->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_owner); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    void setText(QAccessible::Text, const QString &) override {}

protected:
    QRect globalRect(const QRect &local) const { return QRect(m_owner->mapToGlobal(local.topLeft()), local.size()); }
    QPointer<QWidget> m_owner;
    int m_index;
};

// The owner of such items: each made once per place and kept, registered so that it has a stable
// id for AT-SPI.
class ItemOwnerAccessible : public QAccessibleWidget {
public:
    using QAccessibleWidget::QAccessibleWidget;
    ~ItemOwnerAccessible() override
    {
        for (QAccessible::Id id : m_ids)
            QAccessible::deleteAccessibleInterface(id);
    }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        while (int(m_ids.size()) <= index)
            m_ids.push_back(QAccessible::registerAccessibleInterface(makeItem(int(m_ids.size()))));
        return QAccessible::accessibleInterface(m_ids[size_t(index)]);
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (size_t i = 0; i < m_ids.size(); ++i)
            if (QAccessible::accessibleInterface(m_ids[i]) == child)
                return int(i);
        return -1;
    }

protected:
    virtual QAccessibleInterface *makeItem(int index) const = 0;

private:
    mutable std::vector<QAccessible::Id> m_ids;
};

class TokenChipAccessible : public ItemAccessible {
public:
    using ItemAccessible::ItemAccessible;
    TokenStrip *strip() const { return static_cast<TokenStrip *>(m_owner.data()); }
    bool isValid() const override { return m_owner && m_index < strip()->chipCount(); }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        const auto [sentence, token] = strip()->chipToken(m_index);
        if (t == QAccessible::Name)
            return TokenStrip::tr("%1, sentence %2, token %3").arg(strip()->chipText(m_index)).arg(sentence + 1).arg(token);
        if (t == QAccessible::Description)
            return strip()->tokenToolTip(sentence, token);
        return {};
    }
    QRect rect() const override { return isValid() ? globalRect(strip()->chipRectAt(m_index)) : QRect(); }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = s.focusable = true;
        if (!isValid())
            return s;
        s.selected = strip()->isChipSelected(m_index);
        s.focused = strip()->hasFocus() && strip()->focusedChip() == m_index;
        s.invisible = !strip()->isVisible();
        return s;
    }
};

class TokenStripAccessible : public ItemOwnerAccessible {
public:
    explicit TokenStripAccessible(TokenStrip *strip) : ItemOwnerAccessible(strip, QAccessible::List) {}
    TokenStrip *strip() const { return static_cast<TokenStrip *>(widget()); }
    int childCount() const override { return strip()->chipCount(); }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = strip()->mapFromGlobal(QPoint(x, y));
        for (int i = 0; i < childCount(); ++i)
            if (strip()->chipRectAt(i).contains(local))
                return child(i);
        return nullptr;
    }
    QAccessibleInterface *focusChild() const override
    {
        return strip()->hasFocus() && strip()->focusedChip() >= 0 ? child(strip()->focusedChip()) : nullptr;
    }

protected:
    QAccessibleInterface *makeItem(int index) const override { return new TokenChipAccessible(strip(), index); }
};

// A tab that says whether it is the current one (Qt 6.4's own tabs never report "selected", so a
// screen reader could not tell which view is shown), and is pressed to show it.
class TabAccessible : public ItemAccessible, public QAccessibleActionInterface {
public:
    using ItemAccessible::ItemAccessible;
    QTabBar *bar() const { return static_cast<QTabBar *>(m_owner.data()); }
    bool isValid() const override { return m_owner && m_index < bar()->count(); }
    QAccessible::Role role() const override { return QAccessible::PageTab; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return QString(bar()->tabText(m_index)).remove('&');
        if (t == QAccessible::Description)
            return bar()->tabToolTip(m_index);
        return {};
    }
    QRect rect() const override { return isValid() ? globalRect(bar()->tabRect(m_index)) : QRect(); }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = s.focusable = true;
        if (!isValid())
            return s;
        s.selected = bar()->currentIndex() == m_index;
        s.focused = bar()->hasFocus() && bar()->currentIndex() == m_index;
        s.invisible = !bar()->isVisible() || !bar()->isTabVisible(m_index);
        s.disabled = !bar()->isTabEnabled(m_index);
        return s;
    }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
    }
    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &name) override
    {
        if (name == pressAction() && isValid())
            bar()->setCurrentIndex(m_index);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }
};

class TabBarAccessible : public ItemOwnerAccessible {
public:
    explicit TabBarAccessible(QTabBar *bar) : ItemOwnerAccessible(bar, QAccessible::PageTabList)
    {
        // The change of the current tab is announced as a selection, which a screen reader speaks.
        QObject::connect(bar, &QTabBar::currentChanged, bar, [bar](int index) {
            if (index < 0 || !QAccessible::isActive())
                return;
            QAccessibleEvent selected(bar, QAccessible::Selection);
            selected.setChild(index);
            QAccessible::updateAccessibility(&selected);
        });
    }
    QTabBar *bar() const { return static_cast<QTabBar *>(widget()); }
    int childCount() const override { return bar()->count(); }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const int index = bar()->tabAt(bar()->mapFromGlobal(QPoint(x, y)));
        return index >= 0 ? child(index) : nullptr;
    }
    QAccessibleInterface *focusChild() const override { return bar()->hasFocus() ? child(bar()->currentIndex()) : nullptr; }

protected:
    QAccessibleInterface *makeItem(int index) const override { return new TabAccessible(bar(), index); }
};

QAccessibleInterface *factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("QTabBar"))
        return new TabBarAccessible(static_cast<QTabBar *>(object));
    if (className == QLatin1String("bertlens::TokenStrip"))
        return new TokenStripAccessible(static_cast<TokenStrip *>(object));
    // A plot is a graphic (not a "filler"): its name is its title, its description how to read
    // its numbers without seeing it.
    if (auto *plot = qobject_cast<PlotWidget *>(object); plot && className == QLatin1String(object->metaObject()->className()))
        return new QAccessibleWidget(plot, QAccessible::Graphic);
    return nullptr;
}

// Where the keyboard is must be seen from the back of a room: every focus frame the style draws
// (tabs, buttons, check boxes, menus) as a 2-pixel ring in the highlight colour, instead of
// Fusion's faint dotted tint.
class FocusRingStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const override
    {
        if (element != PE_FrameFocusRect)
            return QProxyStyle::drawPrimitive(element, option, painter, widget);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(option->palette.color(QPalette::Highlight), 2));
        painter->drawRect(QRectF(option->rect).adjusted(1, 1, -1, -1));
        painter->restore();
    }
    // Fusion draws no focus frame on tabs at all: the current tab of a focused tab bar gets one.
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const override
    {
        QProxyStyle::drawControl(element, option, painter, widget);
        if (element == CE_TabBarTabLabel && (option->state & State_HasFocus)) {
            QStyleOptionFocusRect focus;
            focus.QStyleOption::operator=(*option);
            focus.rect = option->rect.adjusted(2, 2, -2, -2);
            drawPrimitive(PE_FrameFocusRect, &focus, painter, widget);
        }
    }
};

} // namespace

void installAccessibility()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory(factory);
    QApplication::setStyle(new FocusRingStyle(QApplication::style()->name()));
}

} // namespace bertlens
