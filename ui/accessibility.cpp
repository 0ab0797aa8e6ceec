#include "accessibility.h"

#include "panels/token_strip.h"
#include "views/plot_widget.h"

#include <QAccessibleWidget>
#include <QPointer>
#include <QTabBar>

#include <vector>

namespace bertlens {

namespace {

// One chip of the strip. It holds the strip and its place in reading order; the strip's
// chips change with every analysis, so everything is read from the strip when asked.
class TokenChipAccessible : public QAccessibleInterface {
public:
    TokenChipAccessible(TokenStrip *strip, int index) : m_strip(strip), m_index(index) {}
    bool isValid() const override { return m_strip && m_index < m_strip->chipCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_strip ? m_strip->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_strip); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        const auto [sentence, token] = m_strip->chipToken(m_index);
        if (t == QAccessible::Name)
            return TokenStrip::tr("%1, sentence %2, token %3").arg(m_strip->chipText(m_index)).arg(sentence + 1).arg(token);
        if (t == QAccessible::Description)
            return m_strip->tokenToolTip(sentence, token);
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = m_strip->chipRectAt(m_index);
        return QRect(m_strip->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = s.focusable = true;
        if (!isValid())
            return s;
        s.selected = m_strip->isChipSelected(m_index);
        s.focused = m_strip->hasFocus() && m_strip->focusedChip() == m_index;
        s.invisible = !m_strip->isVisible();
        return s;
    }

private:
    QPointer<TokenStrip> m_strip;
    int m_index;
};

class TokenStripAccessible : public QAccessibleWidget {
public:
    explicit TokenStripAccessible(TokenStrip *strip) : QAccessibleWidget(strip, QAccessible::List) {}
    ~TokenStripAccessible() override
    {
        for (QAccessible::Id id : m_ids)
            QAccessible::deleteAccessibleInterface(id);
    }
    TokenStrip *strip() const { return static_cast<TokenStrip *>(widget()); }
    int childCount() const override { return strip()->chipCount(); }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        // Made once per place and kept (registered, so each has a stable id for AT-SPI).
        while (int(m_ids.size()) <= index)
            m_ids.push_back(QAccessible::registerAccessibleInterface(new TokenChipAccessible(strip(), int(m_ids.size()))));
        return QAccessible::accessibleInterface(m_ids[size_t(index)]);
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (size_t i = 0; i < m_ids.size(); ++i)
            if (QAccessible::accessibleInterface(m_ids[i]) == child)
                return int(i);
        return -1;
    }
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

private:
    mutable std::vector<QAccessible::Id> m_ids;
};

// A tab of a tab bar that says whether it is the current one (Qt 6.4's own tabs never report
// "selected", so a screen reader could not tell which view is shown), and is pressed to show it.
class TabAccessible : public QAccessibleInterface, public QAccessibleActionInterface {
public:
    TabAccessible(QTabBar *bar, int index) : m_bar(bar), m_index(index) {}
    bool isValid() const override { return m_bar && m_index < m_bar->count(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_bar ? m_bar->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_bar); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessible::Role role() const override { return QAccessible::PageTab; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return QString(m_bar->tabText(m_index)).remove('&');
        if (t == QAccessible::Description)
            return m_bar->tabToolTip(m_index);
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = m_bar->tabRect(m_index);
        return QRect(m_bar->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = s.focusable = true;
        if (!isValid())
            return s;
        s.selected = m_bar->currentIndex() == m_index;
        s.focused = m_bar->hasFocus() && m_bar->currentIndex() == m_index;
        s.invisible = !m_bar->isVisible() || !m_bar->isTabVisible(m_index);
        s.disabled = !m_bar->isTabEnabled(m_index);
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
            m_bar->setCurrentIndex(m_index);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QPointer<QTabBar> m_bar;
    int m_index;
};

class TabBarAccessible : public QAccessibleWidget {
public:
    explicit TabBarAccessible(QTabBar *bar) : QAccessibleWidget(bar, QAccessible::PageTabList)
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
    ~TabBarAccessible() override
    {
        for (QAccessible::Id id : m_ids)
            QAccessible::deleteAccessibleInterface(id);
    }
    QTabBar *bar() const { return static_cast<QTabBar *>(widget()); }
    int childCount() const override { return bar()->count(); }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        while (int(m_ids.size()) <= index)
            m_ids.push_back(QAccessible::registerAccessibleInterface(new TabAccessible(bar(), int(m_ids.size()))));
        return QAccessible::accessibleInterface(m_ids[size_t(index)]);
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (size_t i = 0; i < m_ids.size(); ++i)
            if (QAccessible::accessibleInterface(m_ids[i]) == child)
                return int(i);
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const int index = bar()->tabAt(bar()->mapFromGlobal(QPoint(x, y)));
        return index >= 0 ? child(index) : nullptr;
    }
    QAccessibleInterface *focusChild() const override { return bar()->hasFocus() ? child(bar()->currentIndex()) : nullptr; }

private:
    mutable std::vector<QAccessible::Id> m_ids;
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

} // namespace

void installAccessibility()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(factory);
    installed = true;
}

} // namespace bertlens
