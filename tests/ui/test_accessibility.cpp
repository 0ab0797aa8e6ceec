// What a blind, a keyboard-only and a colour-blind student get: the accessibility tree a screen
// reader reads (Qt's QAccessible interfaces, which AT-SPI exports on Linux), keyboard focus, and
// the sentence colours under simulated colour blindness.
#include "language.h"
#include "main_window.h"
#include "panels/input_panel.h"
#include "panels/token_strip.h"
#include "session/analysis_session.h"
#include "views/attention_view.h"
#include "views/heatmap_plot.h"
#include "views/projection_view.h"
#include "views/view_style.h"

#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <array>
#include <cmath>
#include <functional>
#include <set>

using namespace bertlens;

namespace {

const QString kModel = QDir(BERTLENS_FIXTURES_DIR).filePath("models/tiny-safetensors");

bool interactive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::EditableText:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::PageTab:
    case QAccessible::ListItem:
    case QAccessible::Graphic:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *iface)
{
    QObject *o = iface->object();
    return QString("%1 (role %2, %3 \"%4\")").arg(iface->text(QAccessible::Name)).arg(int(iface->role()))
        .arg(o ? o->metaObject()->className() : "no object", o ? o->objectName() : QString());
}

// Every interface under `root` that is shown, depth first.
void walk(QAccessibleInterface *root, const std::function<void(QAccessibleInterface *)> &visit, int depth = 0)
{
    if (!root || depth > 40)
        return;
    if (root->state().invisible)
        return;
    visit(root);
    for (int i = 0; i < root->childCount(); ++i)
        walk(root->child(i), visit, depth + 1);
}

// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
QColor simulate(const QColor &c, bool protan)
{
    static const double deutan[3][3] = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
    static const double protanM[3][3] = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
    const auto &m = protan ? protanM : deutan;
    auto lin = [](double v) { v /= 255; return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    auto gam = [](double v) { v = std::clamp(v, 0.0, 1.0); return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055); };
    const double rgb[3] = {lin(c.red()), lin(c.green()), lin(c.blue())};
    double out[3];
    for (int i = 0; i < 3; ++i)
        out[i] = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
    return QColor(int(gam(out[0])), int(gam(out[1])), int(gam(out[2])));
}

// CIE76 ΔE in CIELAB (D65).
double deltaE(const QColor &a, const QColor &b)
{
    auto lab = [](const QColor &c) {
        auto lin = [](double v) { v /= 255; return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        const double r = lin(c.red()), g = lin(c.green()), bl = lin(c.blue());
        const double x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * bl,
                     z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
        auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
        return std::array<double, 3>{116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    };
    const auto p = lab(a), q = lab(b);
    return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QAccessible::setActive(true);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->inputPanel()->setText("the quick brown fox\nhello [MASK] world");
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        m_window->openModel(kModel);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 30000);
    }

    // Every interactive control a screen reader reaches has a name, on every tab, in both languages.
    void everyControlHasAName_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("zh_CN") << "zh_CN";
    }
    void everyControlHasAName()
    {
        QFETCH(QString, language);
        applyLanguage(language);
        QTest::qWait(50);
        for (int tab = 0; tab < m_window->tabs()->count(); ++tab) {
            m_window->tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            QStringList unnamed;
            walk(QAccessible::queryAccessibleInterface(m_window.get()), [&](QAccessibleInterface *iface) {
                if (interactive(iface->role()) && iface->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << describe(iface);
            });
            QVERIFY2(unnamed.isEmpty(), qPrintable(QString("tab %1: ").arg(tab) + unnamed.join("; ")));
        }
        m_window->tabs()->setCurrentIndex(0);
        applyLanguage("en");
        QTest::qWait(50); // the views retranslate on the posted LanguageChange
    }

    // Plots are graphics named by what they show and described; their numbers are a keyboard
    // shortcut away, as a table.
    void plotsAreExposedWithTheirNumbers()
    {
        HeatmapPlot *plot = m_window->attentionView()->plot();
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(plot);
        QCOMPARE(iface->role(), QAccessible::Graphic);
        QVERIFY2(iface->text(QAccessible::Name).contains("layer"), qPrintable(iface->text(QAccessible::Name)));
        QVERIFY(iface->text(QAccessible::Description).contains("Ctrl+T"));
        plot->setFocus();
        QTest::keyClick(plot, Qt::Key_T, Qt::ControlModifier);
        QTableWidget *table = nullptr;
        QTRY_VERIFY((table = plot->findChild<QTableWidget *>()) != nullptr);
        QCOMPARE(table->rowCount(), plot->rowCount());
        QCOMPARE(table->columnCount(), plot->columnCount() + 1);
        QCOMPARE(table->item(1, 2)->text().toFloat(), float(plot->cellValue(1, 1))); // written as float32
        table->window()->close();
    }

    // The token strip is a list of its tokens; the keyboard moves over them, Return selects, M masks.
    void tokensAreAListTheKeyboardWalks()
    {
        TokenStrip *strip = m_window->tokenStrip();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(strip);
        QCOMPARE(list->role(), QAccessible::List);
        const auto result = m_window->session()->result();
        QCOMPARE(list->childCount(), result->sentences[0].encoding.size() + result->sentences[1].encoding.size());
        QCOMPARE(list->child(2)->role(), QAccessible::ListItem);
        QCOMPARE(list->child(2)->text(QAccessible::Name), QString("quick, sentence 1, token 2"));
        strip->setFocus();
        QTest::keyClick(strip, Qt::Key_Home);
        QTest::keyClick(strip, Qt::Key_Right);
        QTest::keyClick(strip, Qt::Key_Right);
        QVERIFY(list->child(2)->state().focused);
        QCOMPARE(list->focusChild(), list->child(2));
        QTest::keyClick(strip, Qt::Key_Return);
        QTRY_COMPARE(m_window->session()->selection().token, 2);
        QVERIFY(list->child(2)->state().selected);
        QTest::keyClick(strip, Qt::Key_Down); // sentence 2: [CLS] hello [MASK] world [SEP]
        QTest::keyClick(strip, Qt::Key_Right);
        QTest::keyClick(strip, Qt::Key_M);
        QTRY_VERIFY(m_window->inputPanel()->sentencesText().endsWith("[MASK] [MASK] world"));
        m_window->inputPanel()->setText("the quick brown fox\nhello [MASK] world");
        QTest::qWait(500);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 30000);
    }

    // Tab leaves the sentence box (no tab characters typed), and reaches every custom widget,
    // which then shows where the focus is.
    void tabIsNeverTrapped()
    {
        auto *box = qobject_cast<QPlainTextEdit *>(m_window->inputPanel()->focusProxy());
        QVERIFY(box);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        box->setFocus();
        const QString before = box->toPlainText();
        QTest::keyClick(box, Qt::Key_Tab);
        QVERIFY(!box->hasFocus());
        QCOMPARE(box->toPlainText(), before);
        // Every Tab stop, once round: the strip and the plot are among them and draw a focus ring.
        QSet<QWidget *> reached;
        for (int i = 0; i < 60; ++i) {
            QWidget *focused = QApplication::focusWidget();
            QVERIFY2(focused, qPrintable(QString("no focus after %1 Tabs").arg(i)));
            reached.insert(focused);
            QTest::keyClick(focused, Qt::Key_Tab);
        }
        QStringList names;
        for (QWidget *w : reached)
            names << QString(w ? w->metaObject()->className() : "none");
        QVERIFY2(reached.contains(m_window->tokenStrip()), qPrintable(names.join(' ')));
        QVERIFY(reached.contains(m_window->attentionView()->plot()));
        for (QWidget *w : {static_cast<QWidget *>(m_window->tokenStrip()), static_cast<QWidget *>(m_window->attentionView()->plot()),
                           static_cast<QWidget *>(m_window->tabs()->tabBar())}) {
            w->clearFocus();
            const QImage without = w->grab().toImage();
            w->setFocus();
            QApplication::processEvents();
            const QImage with = w->grab().toImage();
            // A ring in the highlight colour, not a faint tint: at least the width of the widget in such pixels.
            const QRgb highlight = w->palette().color(QPalette::Highlight).rgb();
            int ring = 0;
            for (int y = 0; y < with.height(); ++y)
                for (int x = 0; x < with.width(); ++x)
                    ring += with.pixel(x, y) == highlight && without.pixel(x, y) != highlight;
            QVERIFY2(ring >= std::min(with.width(), 200), qPrintable(QString("%1: %2 ring pixels").arg(w->metaObject()->className()).arg(ring)));
        }
    }

    // Each menu's mnemonics are unique, and the tab bar reports the current tab as selected.
    void mnemonicsAreUniqueAndTabsSaySelected()
    {
        for (QAction *menuAction : m_window->menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            QMap<QChar, QString> taken;
            for (QAction *a : menu->actions()) {
                const QRegularExpressionMatch m = QRegularExpression("&([^&])").match(a->text());
                if (!m.hasMatch())
                    continue;
                const QChar key = m.captured(1).at(0).toLower();
                QVERIFY2(!taken.contains(key), qPrintable(menu->title() + ": " + taken[key] + " and " + a->text()));
                taken[key] = a->text();
            }
        }
        QTabBar *bar = m_window->tabs()->tabBar();
        QAccessibleInterface *tabs = QAccessible::queryAccessibleInterface(bar);
        m_window->tabs()->setCurrentIndex(2);
        QVERIFY(tabs->child(2)->state().selected);
        QVERIFY(!tabs->child(0)->state().selected);
        m_window->tabs()->setCurrentIndex(0);
    }

    // Sentences are told apart without hue: a marker shape each (the first eight), and colours that
    // stay apart under simulated deuteranopia and protanopia (CIE76 ΔE ≥ 10 between any two).
    void sentencesAreDistinguishableWithoutHue()
    {
        std::set<int> shapes;
        for (int s = 0; s < 8; ++s)
            shapes.insert(int(sentenceShape(s)));
        QCOMPARE(shapes.size(), size_t(8));
        for (bool protan : {false, true})
            for (int a = 0; a < 8; ++a)
                for (int b = a + 1; b < 8; ++b) {
                    const double d = deltaE(simulate(sentenceColour(a), protan), simulate(sentenceColour(b), protan));
                    QVERIFY2(d >= 10, qPrintable(QString("%1: sentences %2 and %3, ΔE %4").arg(protan ? "protanopia" : "deuteranopia").arg(a + 1).arg(b + 1).arg(d)));
                }
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
