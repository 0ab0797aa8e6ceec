// The Corpus tab's projection of a whole corpus: frames per second while panning and zooming
// (the plot redrawn at 1400×900, offscreen, as the window draws it), and the time from "open" to
// the points shown when the saved index is reopened. Target (issue "Compare, search, keep"):
// ≥ 30 frames per second with 100k points.
// Usage: bench_corpus_view MODEL_DIR CORPUS.txt   (run bench_corpus first: it leaves the index)
#include "common/threads.h"
#include "main_window.h"
#include "session/analysis_session.h"
#include "session/corpus_session.h"
#include "views/corpus_view.h"
#include "views/plot_widget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace bertlens;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_corpus_view MODEL_DIR CORPUS.txt\n");
        return 2;
    }
    setComputeThreads(defaultComputeThreads());
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QEventLoop loop;
    QObject::connect(window.session(), &AnalysisSession::modelLoaded, &loop, &QEventLoop::quit);
    window.openModel(argv[1]);
    loop.exec();
    QElapsedTimer clock;
    clock.start();
    QObject::connect(window.corpus(), &CorpusSession::opened, &loop, &QEventLoop::quit);
    QObject::connect(window.corpus(), &CorpusSession::failed, &loop, [&](const QString &m) {
        std::fprintf(stderr, "%s\n", qPrintable(m));
        loop.quit();
    });
    window.openCorpus(argv[2]);
    loop.exec();
    if (!window.corpus()->isOpen())
        return 1;
    QApplication::processEvents();
    const double openMs = double(clock.elapsed());
    CorpusView *view = window.corpusView();
    PlotWidget *plot = view->plot();
    window.tabs()->setCurrentWidget(view);
    QApplication::processEvents();
    const QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
    const int frames = 60;
    clock.restart();
    for (int f = 0; f < frames; ++f) {
        // Half the frames pan, half zoom in and out around the centre: what a drag and a wheel do.
        if (f < frames / 2) {
            plot->xAxis->moveRange(x.size() * 0.01);
            plot->yAxis->moveRange(y.size() * 0.005);
        } else {
            const double factor = f % 2 ? 0.9 : 1.0 / 0.9;
            plot->xAxis->scaleRange(factor, plot->xAxis->range().center());
            plot->yAxis->scaleRange(factor, plot->yAxis->range().center());
        }
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    const double seconds = clock.elapsed() / 1000.0;
    std::printf("%d points: opened and shown in %.0f ms (saved index); pan/zoom %.1f frames per second (%.1f ms a frame)\n",
                view->pointCount(), openMs, frames / seconds, 1000 * seconds / frames);
    return 0;
}
