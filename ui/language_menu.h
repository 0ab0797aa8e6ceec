#pragma once

#include <QMenu>

namespace bertlens {

// View → Language: the system's language, English, Chinese. The choice is remembered and applied
// at once (see applyLanguage); each language is named in itself, only "system language" is translated.
class LanguageMenu : public QMenu {
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QAction *m_system;
};

} // namespace bertlens
