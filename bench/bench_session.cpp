// The window's interactive path on a bert-base-sized model: after the text changes (the input
// panel's pause after typing has passed), how long until every view shows the new sentences,
// and the longest time the GUI thread was unresponsive meanwhile (a 5 ms heartbeat timer's
// largest gap). Targets (issue "Faster than ONNX Runtime"): ≤ 100 ms for 6 sentences, GUI
// never blocked > 50 ms. Runs offscreen.
// Columns: text change -> views shown (median, worst), of which the worker's analysis (until the
// result reaches the GUI thread) and the views' update on the GUI thread (medians), and the
// heartbeat's worst gap in ms.
// Usage: bench_session [MODEL_DIR] [--rounds N]
//   without MODEL_DIR: a random bert-base (with MLM head) is written to a temporary folder,
//   with the bert-base-uncased vocabulary from ../shared/vocab when present.
#include "common/threads.h"
#include "default_model.h"
#include "main_window.h"
#include "model/precision.h"
#include "model/random_model.h"
#include "panels/input_panel.h"
#include "session/analysis_session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using namespace bertlens;

namespace {

std::vector<std::string> sharedVocab()
{
    QFile file(QStringLiteral(BERTLENS_SOURCE_DIR "/../shared/vocab/bert-base-uncased/vocab.txt"));
    std::vector<std::string> vocab;
    if (file.open(QIODevice::ReadOnly))
        for (const QByteArray &line : file.readAll().split('\n'))
            vocab.push_back(line.trimmed().toStdString());
    while (!vocab.empty() && vocab.back().empty())
        vocab.pop_back();
    return vocab;
}

// Runs the event loop until `signal` of `sender` fires (or 120 s pass).
template <class Sender, class Signal> void waitFor(const Sender *sender, Signal signal)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("BertLensBench"); // leaves the user's settings alone
    setComputeThreads(defaultComputeThreads());
    QString modelDir;
    int rounds = 8;
    for (int i = 1; i < argc; ++i) {
        if (QString(argv[i]) == "--rounds" && i + 1 < argc)
            rounds = std::max(1, atoi(argv[++i]));
        else
            modelDir = argv[i];
    }
    QTemporaryDir temporary;
    if (modelDir.isEmpty()) {
        RandomModelOptions options; // bert-base shape
        options.seed = 1;
        options.withMlmHead = true;
        options.vocab = sharedVocab();
        if (options.vocab.empty())
            std::printf("(no ../shared/vocab: a synthetic vocabulary, words split into characters)\n");
        else
            options.config.vocabSize = int(options.vocab.size());
        modelDir = temporary.path();
        // On a thread of its own, like the window's loads: an OpenMP team left on this thread
        // would slow the session's (see AnalysisSession's thread pool).
        std::thread writer([&] { writeRandomModel(modelDir.toStdString(), options); });
        writer.join();
    }

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    AnalysisSession *session = window.session();
    const QString sentences = exampleSentences();
    std::printf("bench_session: %s, %d sentences, %d threads\n\n", qPrintable(modelDir), int(sentences.count('\n') + 1),
                defaultComputeThreads());
    std::printf("%-6s %14s %14s %16s %16s %14s\n", "prec", "median (ms)", "worst (ms)", "of it: worker", "views (GUI)",
                "GUI blocked");

    std::vector<Precision> precisions = {Precision::Float32};
    if (cpuHasBf16())
        precisions.push_back(Precision::BFloat16);
    for (Precision precision : precisions) {
        window.inputPanel()->setText(sentences);
        session->setPrecision(precision);
        if (!session->hasModel() || session->precision() != precision || session->isBusy())
            window.openModel(modelDir);
        waitFor(session, &AnalysisSession::viewDataChanged);
        QEventLoop idle; // until the input panel's pause has passed and nothing is left running
        QTimer::singleShot(1000, &idle, &QEventLoop::quit);
        idle.exec();

        // The heartbeat: the GUI thread's largest gap between 1 ms ticks while the views update.
        QElapsedTimer clock;
        clock.start();
        qint64 lastTick = 0, worstGap = 0;
        QTimer heartbeat;
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            worstGap = std::max(worstGap, clock.elapsed() - lastTick);
            lastTick = clock.elapsed();
        });
        std::vector<double> latencies, workers, views;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer latency;
            double computed = 0, shown = 0;
            QObject::connect(window.inputPanel(), &InputPanel::inputsChanged, session, [&] { latency.start(); },
                             Qt::SingleShotConnection);
            // The window handles resultChanged (token strip) and viewDataChanged (every view) first.
            QObject::connect(session, &AnalysisSession::resultChanged, session, [&] { computed = latency.nsecsElapsed() / 1e6; },
                             Qt::SingleShotConnection);
            QObject::connect(session, &AnalysisSession::viewDataChanged, session, [&] { shown = latency.nsecsElapsed() / 1e6; },
                             Qt::SingleShotConnection);
            window.inputPanel()->setText(QString(sentences).replace("morning", round % 2 ? "morning" : "evening"));
            waitFor(window.inputPanel(), &InputPanel::inputsChanged);
            lastTick = clock.elapsed();
            heartbeat.start(5);
            waitFor(session, &AnalysisSession::viewDataChanged);
            QEventLoop settle; // the views repaint in the events queued by showViews
            QTimer::singleShot(0, &settle, &QEventLoop::quit);
            settle.exec();
            latencies.push_back(double(latency.nsecsElapsed()) / 1e6);
            if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
                std::printf("  round %d: %.1f ms (worker %.1f)\n", round, latencies.back(), computed);
            workers.push_back(computed);
            views.push_back(shown - computed);
            heartbeat.stop();
        }
        std::printf("%-6s %14.1f %14.1f %16.1f %16.1f %14lld\n", precisionName(precision).c_str(), median(latencies),
                    *std::max_element(latencies.begin(), latencies.end()), median(workers), median(views), (long long)worstGap);
    }
    return 0;
}
