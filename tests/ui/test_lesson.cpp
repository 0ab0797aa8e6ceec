// The first ten minutes of a lesson, as a teacher met them: each test drives the real window (keys,
// clicks, the real binary for the command line) and failed before its fix.
#include "default_model.h"
#include "file_bytes.h"
#include "language.h"
#include "dialogs/open_model_dialog.h"
#include "main_window.h"
#include "window_wait.h"
#include "panels/input_panel.h"
#include "panels/predictions_panel.h"
#include "panels/token_strip.h"
#include "presenter_mode.h"
#include "session/analysis_session.h"
#include "session/comparison_session.h"
#include "views/attention_overview.h"
#include "views/attention_view.h"
#include "views/heatmap_plot.h"
#include "views/projection_view.h"
#include "views/similarity_view.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace bertlens;
using test::readAll;

namespace {

const QString kModel = QDir(BERTLENS_FIXTURES_DIR).filePath("models/tiny-safetensors");
const QString kOtherModel = QDir(BERTLENS_FIXTURES_DIR).filePath("models/tiny-bin");
const QString kText = "the quick brown fox\nhello world, this is a bert model";


struct Run {
    int status = -1;
    QByteArray out, err;
    qint64 ms = 0;
};

// The real binary, with its settings in a folder of the test's own and no display of any kind.
Run run(const QString &program, const QStringList &args, const QString &home, bool offscreen = true)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", home);
    env.insert("XDG_CONFIG_HOME", home + "/.config");
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    if (offscreen)
        env.insert("QT_QPA_PLATFORM", "offscreen");
    else
        env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish in 60 s";
        return r;
    }
    r.ms = clock.elapsed();
    r.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Whether the pixel differs from the plot's background, i.e. something is drawn there.
bool drawn(const QImage &image, QPoint at) { return image.pixelColor(at) != QColor(Qt::white) && image.pixelColor(at).alpha() > 0; }

} // namespace

class TestLesson : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_home;

    void settle() { QVERIFY(test::waitSettled(m_window.get())); }
    // Types into the sentences box key by key, as a teacher does, and waits for the views.
    void type(const QString &keys)
    {
        QWidget *box = m_window->inputPanel()->focusProxy();
        box->setFocus();
        QTest::keyClick(box, Qt::Key_End, Qt::ControlModifier);
        const QStringList lines = keys.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(box, Qt::Key_Return);
            QTest::keyClicks(box, lines[i]);
        }
        QTest::qWait(500); // the input's debounce
        settle();
    }
    void setText(const QString &text)
    {
        m_window->inputPanel()->setText(text);
        QTest::qWait(500);
        settle();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->inputPanel()->setText(kText);
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        m_window->openModel(kModel);
        settle();
    }

    // 1. `bertlens --session FILE` (the form --help shows) and `bertlens FILE.bertlens` (a file
    // manager) open the session: every picture equals the one of the same state given by options.
    void sessionFromTheCommandLine()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath("lesson1.bertlens");
        QFile f(session);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QString(R"({"format": "bertlens-session", "version": 1, "model": "%1", "sentences": "the quick brown fox\nhello world",
                           "layer": 2, "head": 1, "token": 2})").arg(kModel).toUtf8());
        f.close();
        const Run byOptions = run(BERTLENS_GUI, {"--model", kModel, "--text", "the quick brown fox\nhello world", "--layer", "2",
                                                "--head", "2", "--token", "2", "--screenshot", dir.filePath("options")}, m_home.path());
        QVERIFY2(byOptions.status == 0, byOptions.err.constData());
        for (const QStringList &form : {QStringList{"--session", session}, QStringList{"--session=" + session}, QStringList{session}}) {
            const QString shots = dir.filePath("session-" + QString::number(form.size()) + form.first().left(4));
            const Run bySession = run(BERTLENS_GUI, form + QStringList{"--screenshot", shots}, m_home.path());
            QVERIFY2(bySession.status == 0, bySession.err.constData());
            for (const QString &view : {"attention", "overview", "hidden", "projection", "similarity"}) {
                const QByteArray a = readAll(dir.filePath("options/" + view + ".png")), b = readAll(shots + "/" + view + ".png");
                QVERIFY2(a.size() > 1000 && a == b, qPrintable(form.join(' ') + ": " + view + ".png differs"));
            }
        }
        // A session that cannot be opened says so and exits.
        const Run missing = run(BERTLENS_GUI, {"--session", dir.filePath("nothing.bertlens"), "--screenshot", dir.filePath("x")}, m_home.path());
        QCOMPARE(missing.status, 2);
        QVERIFY2(missing.err.contains("nothing.bertlens"), missing.err.constData());
    }

    // Files that lie: a session that is a device or a FIFO is refused by name at once (it used
    // to read /dev/zero until memory ran out, and to block forever in open() on a FIFO).
    void sessionThatIsADeviceOrAFifo()
    {
        QTemporaryDir dir;
        const QString device = dir.filePath("zero.bertlens"), fifo = dir.filePath("fifo.bertlens");
        QVERIFY(QFile::link("/dev/zero", device));
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        for (const QString &path : {device, fifo}) {
            const Run r = run(BERTLENS_GUI, {"--session", path, "--screenshot", dir.filePath("x")}, m_home.path());
            QCOMPARE(r.status, 2);
            QVERIFY2(r.err.contains(path.toUtf8()) && r.err.contains("not a regular file"), r.err.constData());
            QVERIFY2(r.ms < 20000, qPrintable(QString::number(r.ms)));
        }
        QVERIFY(!m_window->openSession(device).isEmpty());
    }

    // --help and --version answer in a terminal without a display.
    void helpWithoutADisplay()
    {
        const Run help = run(BERTLENS_GUI, {"--help"}, m_home.path(), false);
        QCOMPARE(help.status, 0);
        QVERIFY(help.out.contains("--session <FILE>"));
        const Run version = run(BERTLENS_GUI, {"--version"}, m_home.path(), false);
        QCOMPARE(version.status, 0);
        QVERIFY2(version.out.startsWith("BertLens "), version.out.constData());
    }

    // 2. A [MASK] typed in a new line shows that line's predictions and lens, whatever was
    // selected before.
    void typedMaskShowsItsPredictions()
    {
        m_window->selectToken(0, 1);
        settle();
        type("\nshe went to the [MASK] to get some money.");
        const auto result = m_window->session()->result();
        QCOMPARE(result->sentences.size(), size_t(3));
        QCOMPARE(result->sentences[2].masks.size(), size_t(1));
        PredictionsPanel *panel = m_window->predictionsPanel();
        QVERIFY(panel->hasPredictions());
        QCOMPARE(panel->table()->rowCount(), 10);
        QCOMPARE(panel->table()->item(0, 0)->text(), QString::fromStdString(result->sentences[2].masks[0].top[0].token));
        QCOMPARE(m_window->session()->selection().sentence, 2);
        QCOMPARE(m_window->session()->selection().token, result->sentences[2].masks[0].index);
    }

    // 4. The lens shows every layer at once, one readable line per cell.
    void lensShowsEveryLayer()
    {
        QTableWidget *lens = m_window->predictionsPanel()->lens();
        QVERIFY(lens->rowCount() == 3 && lens->columnCount() == 3); // embeddings and 2 layers, top 3
        QApplication::processEvents();
        for (int r = 0; r < lens->rowCount(); ++r) {
            QVERIFY2(lens->viewport()->rect().contains(lens->visualItemRect(lens->item(r, 0))), qPrintable(QString::number(r)));
            for (int c = 0; c < lens->columnCount(); ++c) {
                const QTableWidgetItem *item = lens->item(r, c);
                QVERIFY(!item->text().contains('\n'));
                QVERIFY2(lens->columnWidth(c) >= lens->fontMetrics().horizontalAdvance(item->text()), qPrintable(item->text()));
            }
        }
        setText(kText);
    }

    // 3. F5 and Esc give back the window's geometry and the splitters exactly.
    void presenterRoundTrip()
    {
        auto splitters = [this] {
            QList<QList<int>> sizes;
            for (QSplitter *s : m_window->findChildren<QSplitter *>())
                sizes << s->sizes();
            return sizes;
        };
        m_window->resize(1300, 850);
        QTest::qWait(100);
        const QRect before = m_window->geometry();
        const auto splitBefore = splitters();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY(m_window->presenterMode()->isActive());
        QTest::qWait(200);
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->presenterMode()->isActive());
        // The size exactly; the position up to the frame the platform draws (none offscreen; the
        // run under openbox, lesson_under_wm.sh, checks it with a real window manager).
        QTRY_COMPARE(m_window->size(), before.size());
        QTRY_COMPARE(splitters(), splitBefore);
        QVERIFY(m_window->font().pointSizeF() < 20);
    }

    // 5. A 1×1 similarity matrix (the word in one sentence only) is drawn with its number;
    // matrices up to 8×8 show their numbers.
    void smallMatricesShowTheirNumbers()
    {
        setText("the quick brown fox\nhello world");
        m_window->setWords(true);
        m_window->selectToken(0, 3); // "brown": in the first sentence only
        Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::SameWord);
        QTest::qWait(100);
        settle();
        m_window->tabs()->setCurrentWidget(m_window->similarityView());
        HeatmapPlot *plot = m_window->similarityView()->plot();
        QCOMPARE(plot->rowCount(), 1);
        QCOMPARE(plot->cellNumbers(), QStringList{"1.00"});
        plot->replot();
        const QImage image = plot->toPixmap().toImage();
        const QPoint centre(int(plot->xAxis->coordToPixel(0)), int(plot->yAxis->coordToPixel(0)));
        QVERIFY2(drawn(image, centre + QPoint(20, 20)), "the single cell is not drawn");
        Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::Tokens);
        QTest::qWait(100);
        settle();
        QCOMPARE(plot->rowCount(), 6); // [CLS] the quick brown fox [SEP]
        QCOMPARE(plot->cellNumbers().size(), 36);
        QCOMPARE(plot->cellNumbers().at(7), QString::number(plot->cellValue(1, 1), 'f', 2));
        m_window->setWords(false);
        settle();
    }

    // 6. A saved picture says what it shows: its title names the sentence, layer, head and units,
    // and is drawn above the plot.
    void savedPlotsHaveATitle()
    {
        m_window->setLayerAndHead(2, 1);
        QTest::qWait(100);
        settle();
        HeatmapPlot *plot = m_window->attentionView()->plot();
        QCOMPARE(plot->title(), QString("Sentence 1 — layer 2, head 2, by WordPiece"));
        QCOMPARE(plot->accessibleName(), plot->title());
        QTemporaryDir dir;
        const QString titled = dir.filePath("titled.png"), untitled = dir.filePath("untitled.png");
        QVERIFY(plot->saveTo(titled, 800, 600));
        const QString title = plot->title();
        plot->setTitle(QString());
        QVERIFY(plot->saveTo(untitled, 800, 600));
        plot->setTitle(title);
        const QImage a(titled), b(untitled);
        QCOMPARE(a.size(), QSize(800, 600));
        // The title's band: dark grey text across the middle of the top of the titled picture;
        // the untitled one has the heatmap's blue cells there.
        auto darkInTopBand = [](const QImage &image) {
            int dark = 0;
            for (int y = 0; y < 20; ++y)
                for (int x = image.width() / 4; x < 3 * image.width() / 4; ++x) {
                    const QColor c = image.pixelColor(x, y);
                    dark += qGray(c.rgb()) < 100 && std::abs(c.red() - c.blue()) < 16 && std::abs(c.green() - c.blue()) < 16;
                }
            return dark;
        };
        QVERIFY2(darkInTopBand(a) > 100 && darkInTopBand(b) == 0, qPrintable(QString("%1 %2").arg(darkInTopBand(a)).arg(darkInTopBand(b))));
        int nonWhite = 0;
        for (int y = 0; y < a.height(); y += 4)
            for (int x = 0; x < a.width(); x += 4)
                nonWhite += a.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(nonWhite > (a.width() / 4) * (a.height() / 4) / 3, "most of the picture is blank");
    }

    // 7. Export vectors writes what the window shows — words when it shows words — numbered as the
    // window numbers: exactly what `bertlens-cli embed --aggregate words` writes.
    void exportFollowsTheWindow()
    {
        setText(kText);
        m_window->setWords(true);
        settle();
        QTemporaryDir dir;
        const QString gui = dir.filePath("gui.csv"), cli = dir.filePath("cli.csv"), input = dir.filePath("input.txt");
        QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
        m_window->exportVectors(gui, "all", "none");
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(1).toString(), QString());
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kText.toUtf8() + "\n");
        f.close();
        QCOMPARE(QProcess::execute(BERTLENS_CLI, {"embed", "--model", kModel, "--input", input, "--output", cli, "--aggregate", "words"}), 0);
        const QByteArray a = readAll(gui);
        QVERIFY(a.size() > 100 && a == readAll(cli));
        const QList<QByteArray> rows = a.split('\n');
        QVERIFY(rows[1].startsWith("1,0,[CLS],0,")); // sentence 1, as the window's "Sentence 1"
        QVERIFY(a.contains("\n2,3,\",\",")); // "hello world ," — a word row of sentence 2
        m_window->setWords(false);
        settle();
    }

    // 8. The open-model dialog takes a typed folder (Return opens it) and says what is wrong with
    // a path that is neither a folder nor a Hub id; a second model joins Recent.
    void openModelDialogTakesATypedFolder()
    {
        OpenModelDialog dialog({});
        dialog.show();
        auto *edit = dialog.findChild<QComboBox *>()->lineEdit();
        QPushButton *open = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
        QTest::keyClicks(edit, "/no/such/folder");
        QVERIFY(!open->isEnabled());
        bool hinted = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            hinted = hinted || (label->isVisible() && label->text().contains("/no/such/folder"));
        QVERIFY(hinted);
        edit->clear();
        QTest::keyClicks(edit, kOtherModel);
        QVERIFY(open->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), kOtherModel);

        const QString last = QSettings().value("lastModel").toString();
        QSignalSpy loaded(m_window->comparison(), &ComparisonSession::modelLoaded);
        m_window->compareWith(kOtherModel);
        QVERIFY(loaded.wait(30000));
        QVERIFY(QSettings().value("recentModels").toStringList().contains(kOtherModel));
        QCOMPARE(QSettings().value("lastModel").toString(), last);
        settle();
    }

    // 9. A line longer than the model reads is cut, and the window says so.
    void cutSentencesAreAnnounced()
    {
        QString longLine;
        for (int i = 0; i < 3000; ++i)
            longLine += "word ";
        setText("the quick brown fox\n" + longLine);
        const QString note = m_window->inputPanel()->note();
        QVERIFY2(note.contains("at most 64 tokens") && note.contains("sentence 2"), qPrintable(note));
        setText(kText);
        QVERIFY(m_window->inputPanel()->note().isEmpty());
    }

    // 10. Empty input and layer 0 say what is (not) shown; 11. the overview outlines the map the
    // Attention tab shows.
    void headersSayWhatIsShown()
    {
        auto title = [this] { return m_window->attentionView()->findChild<QLabel *>()->text(); };
        m_window->setLayerAndHead(0, -1);
        settle();
        QVERIFY2(title().contains("layer 0 (the embeddings) has no attention"), qPrintable(title()));
        QCOMPARE(m_window->attentionOverview()->outlinedMap(), std::make_pair(1, -1));
        m_window->setLayerAndHead(2, 3);
        settle();
        QCOMPARE(m_window->attentionOverview()->outlinedMap(), std::make_pair(2, 3));
        setText(QString());
        QVERIFY2(title().contains("Type a sentence"), qPrintable(title()));
        QCOMPARE(m_window->attentionView()->plot()->title(), QString());
        setText(kText);
    }

    // 11. Projection labels never overlap: where they would, the later ones are left out.
    void projectionLabelsDoNotOverlap()
    {
        setText("the quick brown fox jumps over the lazy dog\nhello world, this is a bert model\nthe model is quick");
        m_window->tabs()->setCurrentWidget(m_window->projectionView());
        m_window->resize(700, 600); // small: the labels crowd
        QTest::qWait(100);
        ProjectionView *view = m_window->projectionView();
        view->plot()->replot();
        QVERIFY(view->visibleLabelCount() >= 1);
        QVERIFY2(view->visibleLabelCount() < view->labelCount(), qPrintable(QString::number(view->labelCount())));
        std::vector<QRectF> boxes;
        for (int i = 0; i < view->plot()->itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(view->plot()->item(i)); text && text->visible()) {
                const QPointF at = text->position->pixelPosition();
                const QFontMetricsF m(text->font());
                const QRectF box(at.x() + text->padding().left(), at.y() - text->padding().bottom() - m.height(),
                                 m.horizontalAdvance(text->text()), m.height());
                for (const QRectF &other : boxes)
                    QVERIFY2(!other.intersects(box), qPrintable(text->text()));
                boxes.push_back(box);
            }
        m_window->resize(1400, 900);
        setText(kText);
    }

    // 11. The working state is written a second after a change, not only on closing (a logout
    // or a kill ends the process without closing the window).
    void workingStateIsKeptAsYouType()
    {
        type("\nand a third line");
        QTRY_VERIFY_WITH_TIMEOUT(QSettings().value("sentences").toString().endsWith("and a third line"), 3000);
        setText(kText);
    }

    // A download's notices are in the window's language (they were English in the Chinese UI);
    // in English they are the CLI's very lines.
    void downloadNoticesSpeakTheWindowsLanguage()
    {
        HubNotice fetching;
        fetching.file = "config.json";
        fetching.index = 2;
        fetching.count = 5;
        HubNotice retry;
        retry.kind = HubNotice::Kind::Retrying;
        retry.reason = "HTTP 503 Service Unavailable";
        retry.host = "huggingface.co";
        retry.seconds = 4;
        retry.attempt = 2;
        retry.attempts = 6;
        for (const HubNotice &n : {fetching, retry})
            QCOMPARE(hubNoticeText(n), QString::fromStdString(n.text()));
        applyLanguage("zh_CN");
        QCOMPARE(hubNoticeText(fetching), QString("config.json（第 2 个，共 5 个）"));
        QVERIFY2(hubNoticeText(retry).contains("秒后重试") && hubNoticeText(retry).contains("HTTP 503"), qPrintable(hubNoticeText(retry)));
        applyLanguage("en");
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestLesson)
#include "test_lesson.moc"
