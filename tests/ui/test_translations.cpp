// Every user-visible string of the GUI has a real translation: the committed .ts files hold
// every string the sources pass to tr() (checked by running lupdate afresh), none is unfinished,
// and every placeholder survives translation. Then the window switches language at runtime.
#include "language.h"
#include "main_window.h"

#include <QDir>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace bertlens;

namespace {

struct Message {
    QString source;
    QStringList translations;
    QString type;
};

QList<Message> readTs(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QXmlStreamReader xml(&f);
    QList<Message> messages;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            messages.append(Message{});
        } else if (xml.name() == QLatin1String("source")) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            messages.last().type = xml.attributes().value("type").toString();
            if (xml.attributes().value("type").isEmpty() && messages.last().translations.isEmpty()) {
                // Plural forms arrive as <numerusform> children; plain text otherwise.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                messages.last().translations << text;
            }
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &s)
{
    QSet<QString> out;
    static const QRegularExpression re("%(\\d|n)");
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

const QString kTranslations = BERTLENS_TRANSLATIONS_DIR;

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zh_CN") << "bertlens_zh_CN.ts";
        QTest::newRow("en") << "bertlens_en.ts";
    }
    void everyMessageIsTranslated()
    {
        QFETCH(QString, file);
        const auto messages = readTs(QDir(kTranslations).filePath(file));
        QVERIFY(messages.size() > 50);
        for (const Message &m : messages) {
            QVERIFY2(m.type.isEmpty(), qPrintable(QString("'%1' is %2").arg(m.source, m.type)));
            QVERIFY2(!m.translations.isEmpty() && !m.translations.first().trimmed().isEmpty(), qPrintable(m.source));
            QCOMPARE(placeholders(m.translations.first()), placeholders(m.source));
            if (file.contains("zh") && m.source.contains(QRegularExpression("[a-z]{4,}")) && !m.source.contains("BertLens")
                && !m.source.contains("bertlens-cli") && !m.source.startsWith("PNG") && !m.source.startsWith("PDF"))
                QVERIFY2(m.translations.first().contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]")),
                         qPrintable("not translated into Chinese: " + m.source));
        }
    }

    // lupdate over the sources finds no string that the committed .ts files lack.
    void sourcesHaveNoUntranslatedStrings()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath("fresh.ts");
        QProcess lupdate;
        lupdate.setWorkingDirectory(BERTLENS_SOURCE_DIR);
        lupdate.start(BERTLENS_LUPDATE, {"-silent", "-locations", "none", "ui", "app/gui", "-ts", fresh});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);
        QSet<QString> known;
        for (const Message &m : readTs(QDir(kTranslations).filePath("bertlens_zh_CN.ts")))
            known << m.source;
        const auto current = readTs(fresh);
        QVERIFY(current.size() > 50);
        for (const Message &m : current)
            QVERIFY2(known.contains(m.source), qPrintable("no zh_CN translation (run lupdate, then translate): " + m.source));
    }

    void languageSwitchesAtRuntime()
    {
        MainWindow window;
        QCOMPARE(applyLanguage("zh_CN"), QString("zh_CN"));
        auto *tabs = window.findChild<QTabWidget *>();
        QTRY_COMPARE(tabs->tabText(0), QString::fromUtf8("注意力"));
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QString::fromUtf8("文件(&F)"));
        QCOMPARE(applyLanguage("en"), QString("en"));
        QTRY_COMPARE(tabs->tabText(0), QString("Attention"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
