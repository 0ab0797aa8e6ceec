#include "language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace bertlens {

namespace {
QTranslator *translator = nullptr;
QString current = "en";
} // namespace

QString applyLanguage(const QString &requested)
{
    QString code = requested;
    if (code.isEmpty())
        code = QLocale::system().name().startsWith("zh") ? "zh_CN" : "en";
    if (!translator)
        translator = new QTranslator(QCoreApplication::instance());
    QCoreApplication::removeTranslator(translator);
    if (translator->load(":/i18n/bertlens_" + code + ".qm"))
        QCoreApplication::installTranslator(translator);
    else
        code = "en"; // English is the source language
    current = code;
    return code;
}

QString currentLanguage() { return current; }

} // namespace bertlens
