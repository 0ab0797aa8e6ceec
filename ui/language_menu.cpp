#include "language_menu.h"

#include "language.h"

#include <QActionGroup>
#include <QEvent>
#include <QSettings>

namespace bertlens {

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(parent)
{
    auto *group = new QActionGroup(this);
    const QString saved = QSettings().value("language").toString();
    for (const auto &[code, name] : {std::pair<QString, QString>{"", QString()}, {"en", "English"}, {"zh_CN", QString::fromUtf8("中文（简体）")}}) {
        QAction *action = addAction(name);
        action->setCheckable(true);
        action->setChecked(code == saved);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [code = code] {
            QSettings().setValue("language", code);
            applyLanguage(code);
        });
    }
    m_system = group->actions().first();
    retranslateUi();
}

void LanguageMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void LanguageMenu::retranslateUi()
{
    setTitle(tr("Language"));
    m_system->setText(tr("System language"));
}

} // namespace bertlens
