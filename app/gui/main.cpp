// bertlens: the window. `--screenshot DIR --model M --text "…"` (or `--session FILE`) renders every
// view to DIR/<view>.png without showing a window, then exits.
#include "common/threads.h"
#include "default_model.h"
#include "hub/hub_cache.h"
#include "language.h"
#include "main_window.h"
#include "session/analysis_session.h"
#include "session/comparison_session.h"
#include "session/corpus_session.h"
#include "common/error.h"
#include "model/knockout.h"
#include "panels/input_panel.h"
#include "views/walkthrough_view.h"

#include <QTabWidget>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

// Qt takes `--session ID` (and `-session ID`) for X11 session management and removes it before any
// parser of ours sees it; `--session=FILE` it leaves alone. So the form --help shows is rewritten
// into that one first.
std::vector<std::string> withSessionJoined(int argc, char **argv)
{
    std::vector<std::string> args;
    for (int i = 0; i < argc; ++i) {
        if (i + 1 < argc && (!std::strcmp(argv[i], "--session") || !std::strcmp(argv[i], "-session")))
            args.push_back(std::string("--session=") + argv[++i]);
        else
            args.emplace_back(argv[i]);
    }
    return args;
}

// What needs no window (pictures, help, the version) works without a display.
bool needsNoDisplay(const std::vector<std::string> &args)
{
    for (const std::string &a : args)
        if (a == "--screenshot" || a.rfind("--screenshot=", 0) == 0 || a == "--help" || a == "-h" || a == "--help-all"
            || a == "--version" || a == "-v")
            return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args = withSessionJoined(argc, argv);
    std::vector<char *> argp;
    for (std::string &a : args)
        argp.push_back(a.data());
    argp.push_back(nullptr);
    int count = int(args.size());
    if (needsNoDisplay(args) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(count, argp.data());
    QApplication::setOrganizationName("BertLens");
    QApplication::setApplicationName("BertLens");
    QApplication::setApplicationVersion(BERTLENS_VERSION);
    bertlens::setComputeThreads(bertlens::defaultComputeThreads());
    bertlens::applyLanguage(QSettings().value("language").toString());

    QCommandLineParser parser;
    parser.setApplicationDescription("BertLens: look inside BERT models.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption("model", "model folder or Hugging Face model id to open", "MODEL");
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
    const QCommandLineOption explainOption("explain", "open on the Explain tab (which tokens make the [MASK]'s prediction)");
    const QCommandLineOption knockHeadsOption("knock-out-heads", "switch off these heads: LAYER:HEAD,... (heads from 1)", "L:H,...");
    const QCommandLineOption knockFfnOption("knock-out-ffn", "switch off the FFN blocks of these layers", "L,...");
    const QCommandLineOption mapOption("map", "open on the Projection tab with this map: pca, umap or tsne (with --corpus, the corpus's map too)", "METHOD");
    const QCommandLineOption colourOption("colour", "with --map: colour by sentence, word or cluster", "BY");
    const QCommandLineOption sentenceMapOption("sentence-map", "with --map: one point per sentence (default: per token)");
    const QCommandLineOption probeOption("probe", "open on the Probe tab and probe this labelled set (TEXT<TAB>LABEL lines)", "FILE");
    const QCommandLineOption presenterOption("presenter", "start in presenter mode (with --screenshot: 1920×1080)");
    parser.addOptions({modelOption, textOption, pairOption, screenshotOption, languageOption, layerOption, headOption, wordsOption,
                       rolloutOption, centreOption, tokenOption, walkthroughOption, presenterOption,
                       compareOption, corpusOption, sessionOption, explainOption, knockHeadsOption, knockFfnOption, mapOption, colourOption,
                       sentenceMapOption, probeOption});
    parser.addPositionalArgument("session", "a saved session (.bertlens) to open, as from a file manager", "[FILE]");
    parser.process(app);
    if (parser.isSet(languageOption))
        bertlens::applyLanguage(parser.value(languageOption));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (!positional.isEmpty() && parser.isSet(sessionOption))) {
        std::fprintf(stderr, "bertlens: one session at a time (got %s)\n", qPrintable(positional.join(' ')));
        return 2;
    }
    const QString sessionFile = parser.isSet(sessionOption) ? parser.value(sessionOption) : positional.value(0);
    const bool screenshot = parser.isSet(screenshotOption);

    bertlens::MainWindow window;
    window.setKeepsWorkingState(!screenshot);
    // First launch: BertLens Mini with example sentences, so every view has something to show.
    QString model = parser.isSet(modelOption) ? parser.value(modelOption) : QSettings().value("lastModel").toString();
    // A Hub id is not a path: it is opened from the cache or downloaded, not replaced by Mini.
    if (model.isEmpty() || (!QFileInfo::exists(model) && !bertlens::isHubModelId(model.toStdString())))
        model = bertlens::defaultModelDir();
    if (sessionFile.isEmpty()) {
        window.inputPanel()->setText(parser.isSet(textOption) ? parser.value(textOption) : bertlens::exampleSentences(),
                                     parser.value(pairOption));
        if (!screenshot && !parser.isSet(textOption))
            window.restoreLastSession(); // the sentences and choices of the last run, if any
    }
    if (!screenshot)
        window.show();
    if (parser.isSet(presenterOption) && !screenshot)
        window.setPresenterMode(true);

    if (!sessionFile.isEmpty()) {
        const QString error = window.openSession(sessionFile);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "bertlens: %s\n", qPrintable(error));
            if (screenshot)
                return 2;
            QMessageBox::warning(&window, QApplication::translate("bertlens::MainWindow", "Cannot open the session"), error);
            if (window.inputPanel()->lineCount() == 0) { // not read at all (a session whose model is gone keeps its sentences)
                window.inputPanel()->setText(bertlens::exampleSentences());
                window.restoreLastSession();
            }
        }
        if (!window.session()->isLoading() && !window.session()->hasModel()) // a session that names no model
            window.openModel(model);
    } else {
        window.session()->setInputs(window.inputPanel()->inputs());
        window.openModel(model);
        if (parser.isSet(compareOption))
            window.compareWith(parser.value(compareOption));
        if (parser.isSet(corpusOption))
            window.openCorpus(parser.value(corpusOption));
    }
    // The options that name a view's state apply over the session's.
    if (parser.isSet(layerOption) || parser.isSet(headOption))
        window.setLayerAndHead(parser.value(layerOption).toInt(), parser.value(headOption).toInt() - 1);
    if (parser.isSet(wordsOption))
        window.setWords(true);
    if (parser.isSet(rolloutOption) || parser.isSet(centreOption))
        window.setRolloutAndCentre(parser.isSet(rolloutOption), parser.isSet(centreOption));
    if (parser.isSet(tokenOption))
        window.selectToken(0, parser.value(tokenOption).toInt());
    if (parser.isSet(mapOption)) {
        const auto method = bertlens::mapMethodFromId(parser.value(mapOption).toStdString());
        const QString colour = parser.value(colourOption);
        if (!method || (!colour.isEmpty() && colour != "sentence" && colour != "word" && colour != "cluster")) {
            std::fprintf(stderr, "bertlens: --map is pca, umap or tsne; --colour sentence, word or cluster\n");
            return 2;
        }
        if (parser.isSet(corpusOption)) { // the corpus's map too, once it is open
            window.corpus()->setMap(*method, 42);
            window.corpus()->setClusters(colour == "cluster" ? 8 : 0);
        }
        window.setMap(*method,
                      colour == "word"      ? bertlens::MapColour::Word
                      : colour == "cluster" ? bertlens::MapColour::Cluster
                                            : bertlens::MapColour::Sentence,
                      parser.isSet(sentenceMapOption) ? bertlens::ProjectionMode::Sentences : bertlens::ProjectionMode::Tokens);
    }
    if (parser.isSet(probeOption))
        window.probe(parser.value(probeOption));
    if (parser.isSet(walkthroughOption))
        window.tabs()->setCurrentWidget(window.walkthroughView());
    if (parser.isSet(explainOption))
        window.tabs()->setCurrentWidget(window.explainPage());
    if (parser.isSet(knockHeadsOption) || parser.isSet(knockFfnOption)) {
        try { // the layers and heads are checked against the model when it runs
            window.session()->setKnockout(bertlens::parseKnockout(parser.value(knockHeadsOption).toStdString(),
                                                                  parser.value(knockFfnOption).toStdString(), 1 << 20, 1 << 20));
        } catch (const bertlens::Error &e) {
            std::fprintf(stderr, "bertlens: %s\n", e.what());
            return 2;
        }
    }
    if (!screenshot)
        return app.exec();

    int status = 0;
    auto fail = [&](int code, const QString &message) {
        std::fprintf(stderr, "bertlens: %s\n", qPrintable(message));
        status = code;
        app.quit();
    };
    QObject::connect(window.session(), &bertlens::AnalysisSession::modelLoadFailed, &app,
                     [&](const QString &, const QString &message) { fail(3, message); });
    QObject::connect(window.session(), &bertlens::AnalysisSession::analysisFailed, &app, [&](const QString &message) { fail(4, message); });
    QObject::connect(window.comparison(), &bertlens::ComparisonSession::failed, &app, [&](const QString &message) { fail(3, message); });
    QObject::connect(window.corpus(), &bertlens::CorpusSession::failed, &app, [&](const QString &message) { fail(4, message); });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (!window.isSettled())
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
    app.exec();
    return status;
}
