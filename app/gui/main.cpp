// bertlens: the window. `--screenshot DIR --model M --text "…"` renders every view to
// DIR/<view>.png without showing a window, then exits.
#include "common/threads.h"
#include "default_model.h"
#include "hub/hub_cache.h"
#include "language.h"
#include "main_window.h"
#include "session/analysis_session.h"
#include "session/comparison_session.h"
#include "session/corpus_session.h"
#include "panels/input_panel.h"
#include "views/walkthrough_view.h"

#include <QTabWidget>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        screenshot = screenshot || !std::strcmp(argv[i], "--screenshot");
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName("BertLens");
    QApplication::setApplicationName("BertLens");
    bertlens::setComputeThreads(bertlens::defaultComputeThreads());
    bertlens::applyLanguage(QSettings().value("language").toString());

    QCommandLineParser parser;
    parser.setApplicationDescription("BertLens: look inside BERT models.");
    parser.addHelpOption();
    const QCommandLineOption modelOption("model", "model folder to open", "DIR");
    const QCommandLineOption textOption("text", "sentences to analyse (one per line)", "TEXT");
    const QCommandLineOption pairOption("pair", "with --text: the second text of each sentence, one per line (sentence pairs)", "TEXT_B");
    const QCommandLineOption screenshotOption("screenshot", "render every view to DIR/<view>.png and exit", "DIR");
    const QCommandLineOption languageOption("language", "user interface language: en or zh_CN", "CODE");
    const QCommandLineOption layerOption("layer", "layer shown by every view (0 = embeddings)", "N");
    const QCommandLineOption headOption("head", "attention head shown (1-based; 0 = mean of heads)", "N");
    const QCommandLineOption wordsOption("words", "every view by word instead of WordPiece");
    const QCommandLineOption rolloutOption("rollout", "the attention tab shows the rollout");
    const QCommandLineOption centreOption("centre", "the similarity tab centres the vectors");
    const QCommandLineOption tokenOption("token", "select token N of the first sentence ([CLS] = 0)", "N");
    const QCommandLineOption walkthroughOption("walkthrough", "open on the walk-through tab");
    const QCommandLineOption compareOption("compare", "a second model to compare with (folder or Hub id)", "MODEL");
    const QCommandLineOption corpusOption("corpus", "a corpus to open in the Corpus tab", "FILE");
    const QCommandLineOption sessionOption("session", "a saved session (.bertlens) to open", "FILE");
    const QCommandLineOption presenterOption("presenter", "start in presenter mode (with --screenshot: 1920×1080)");
    parser.addOptions({modelOption, textOption, pairOption, screenshotOption, languageOption, layerOption, headOption, wordsOption,
                       rolloutOption, centreOption, tokenOption, walkthroughOption, presenterOption,
                       compareOption, corpusOption, sessionOption});
    parser.process(app);
    if (parser.isSet(languageOption))
        bertlens::applyLanguage(parser.value(languageOption));

    bertlens::MainWindow window;
    // First launch: BertLens Mini with example sentences, so every view has something to show.
    QString model = parser.isSet(modelOption) ? parser.value(modelOption) : QSettings().value("lastModel").toString();
    // A Hub id is not a path: it is opened from the cache or downloaded, not replaced by Mini.
    if (model.isEmpty() || (!QFileInfo::exists(model) && !bertlens::isHubModelId(model.toStdString())))
        model = bertlens::defaultModelDir();
    window.inputPanel()->setText(parser.isSet(textOption) ? parser.value(textOption) : bertlens::exampleSentences(),
                                 parser.value(pairOption));
    if (!parser.isSet(screenshotOption) && !parser.isSet(textOption))
        window.restoreLastSession(); // the sentences and choices of the last session, if any
    if (parser.isSet(layerOption) || parser.isSet(headOption))
        window.setLayerAndHead(parser.value(layerOption).toInt(), parser.value(headOption).toInt() - 1);
    if (parser.isSet(wordsOption))
        window.setWords(true);
    if (parser.isSet(rolloutOption) || parser.isSet(centreOption))
        window.setRolloutAndCentre(parser.isSet(rolloutOption), parser.isSet(centreOption));
    if (parser.isSet(tokenOption))
        window.selectToken(0, parser.value(tokenOption).toInt());
    if (parser.isSet(walkthroughOption))
        window.tabs()->setCurrentWidget(window.walkthroughView());

    if (parser.isSet(screenshotOption)) {
        if (model.isEmpty()) {
            std::fprintf(stderr, "bertlens: --screenshot needs --model DIR\n");
            return 2;
        }
        auto *session = window.session();
        int status = 0;
        QObject::connect(session, &bertlens::AnalysisSession::modelLoadFailed, &app, [&](const QString &, const QString &message) {
            std::fprintf(stderr, "bertlens: %s\n", qPrintable(message));
            status = 3;
            app.quit();
        });
        QObject::connect(session, &bertlens::AnalysisSession::analysisFailed, &app, [&](const QString &message) {
            std::fprintf(stderr, "bertlens: %s\n", qPrintable(message));
            status = 4;
            app.quit();
        });
        // Every view has what it shows once nothing is running and what was asked for is there.
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &app, [&] {
            const bool ready = session->viewData() && !session->isBusy() && !window.comparison()->isBusy() && !window.corpus()->isBusy()
                               && (!parser.isSet(compareOption) || window.comparison()->comparison())
                               && (!parser.isSet(corpusOption) || window.corpus()->isOpen())
                               && (!parser.isSet(walkthroughOption) || session->walkthrough());
            if (!ready)
                return;
            poll.stop();
            window.show(); // offscreen platform: nothing appears on a screen
            if (parser.isSet(presenterOption))
                window.setPresenterMode(true);
            const QSize size = parser.isSet(presenterOption) ? QSize(1920, 1080) : QSize(1400, 900);
            for (const QString &file : window.saveScreenshots(parser.value(screenshotOption), size))
                std::printf("%s\n", qPrintable(file));
            app.quit();
        });
        poll.start(100);
        session->setInputs(window.inputPanel()->inputs());
        window.openModel(model);
        if (parser.isSet(compareOption))
            window.compareWith(parser.value(compareOption));
        if (parser.isSet(corpusOption))
            QObject::connect(session, &bertlens::AnalysisSession::modelLoaded, &app, [&] { window.openCorpus(parser.value(corpusOption)); });
        QObject::connect(window.corpus(), &bertlens::CorpusSession::failed, &app, [&](const QString &message) {
            std::fprintf(stderr, "bertlens: %s\n", qPrintable(message));
            status = 4;
            app.quit();
        });
        app.exec();
        return status;
    }

    window.show();
    if (parser.isSet(presenterOption))
        window.setPresenterMode(true);
    if (parser.isSet(sessionOption)) {
        const QString error = window.openSession(parser.value(sessionOption));
        if (!error.isEmpty())
            std::fprintf(stderr, "bertlens: %s\n", qPrintable(error));
    } else if (!model.isEmpty()) {
        window.session()->setInputs(window.inputPanel()->inputs());
        window.openModel(model);
        if (parser.isSet(compareOption))
            window.compareWith(parser.value(compareOption));
        if (parser.isSet(corpusOption))
            QObject::connect(window.session(), &bertlens::AnalysisSession::modelLoaded, &app,
                             [&] { window.openCorpus(parser.value(corpusOption)); }, Qt::SingleShotConnection);
    }
    return app.exec();
}
