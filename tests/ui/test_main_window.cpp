// The window against the core: every view shows exactly what core computed, exports equal the
// CLI's byte for byte, a bad model folder keeps the previous model, a newer input wins.
#include "analysis/projection.h"
#include "file_bytes.h"
#include "default_model.h"
#include "dialogs/export_dialog.h"
#include "hostile_files.h"
#include "language.h"
#include "main_window.h"
#include "panels/input_panel.h"
#include "panels/predictions_panel.h"
#include "panels/token_strip.h"
#include "dialogs/open_model_dialog.h"
#include "model/precision.h"
#include "session/analysis_session.h"
#include "views/attention_overview.h"
#include "views/attention_view.h"
#include "views/hidden_state_view.h"
#include "views/projection_view.h"
#include "views/similarity_view.h"
#include "views/heatmap_plot.h"
#include "views/vector_strip.h"
#include "views/view_style.h"
#include "views/walkthrough_view.h"
#include "presenter_mode.h"
#include "session/comparison_session.h"
#include "session/corpus_session.h"
#include "session_file.h"
#include "views/compare_view.h"
#include "views/corpus_view.h"
#include "analysis/corpus_index.h"
#include "analysis/model_comparison.h"
#include "model/loaded_model.h"
#include "model/random_model.h"
#include "pipeline/long_inputs.h"
#include <QLineEdit>
#include <QSpinBox>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QMouseEvent>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "analysis/maps/embedding_map.h"
#include "analysis/maps/kmeans.h"
#include "analysis/maps/neighbour_graph.h"
#include "analysis/probe/layer_probe.h"
#include "analysis/tensor_matrix.h"
#include "export/probe_csv.h"
#include "session/map_session.h"
#include "session/probe_session.h"
#include "views/probe_view.h"

#include <QThread>

#include <algorithm>
#include <atomic>

using namespace bertlens;
using test::readAll;

namespace {

const QString kModel = QDir(BERTLENS_FIXTURES_DIR).filePath("models/tiny-safetensors");
const QString kText = "The quick brown fox jumps over the lazy dog.\nhello world, this is a bert model\n我爱北京天安门";

bool waitIdle(AnalysisSession *session, int ms = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!session->isBusy() && session->viewData())
            return true;
    }
    return false;
}

std::vector<std::pair<double, double>> sorted(std::vector<std::pair<double, double>> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    // Changes the selection through a view's own signal, as a user's click would, and waits.
    template <class Emit> void select(Emit emitSignal)
    {
        QSignalSpy spy(m_window->session(), &AnalysisSession::viewDataChanged);
        emitSignal();
        QVERIFY(spy.wait(10000) || spy.count() > 0);
        QVERIFY(waitIdle(m_window->session()));
    }

    // Puts the standard sentences back (in the panel too, so a pending input timer agrees) and waits.
    void restoreText()
    {
        m_window->inputPanel()->setText(kText);
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QTest::qWait(400);
        QVERIFY(waitIdle(m_window->session()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings of the tests, not the user's
        m_window = std::make_unique<MainWindow>();
        m_window->inputPanel()->setText(kText);
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        m_window->openModel(kModel);
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(m_window->session()->result()->sentences.size(), size_t(3));
    }

    void attentionCellsAreCoreAttention()
    {
        m_window->inputPanel()->setLayer(2);
        select([this] { Q_EMIT m_window->attentionView()->headChanged(1); });
        const auto result = m_window->session()->result();
        const Matrix &expected = result->sentences[0].attention[1][1]; // layer 2, head 1
        HeatmapPlot *plot = m_window->attentionView()->plot();
        QCOMPARE(plot->rowCount(), expected.rows);
        QCOMPARE(plot->columnCount(), expected.cols);
        for (int i = 0; i < expected.rows; ++i)
            for (int j = 0; j < expected.cols; ++j)
                QCOMPARE(float(plot->cellValue(i, j)), expected.at(i, j));
        QCOMPARE(plot->rowLabel(1), QString("the"));
        for (int l = 1; l <= 2; ++l)
            for (int h = 0; h < 4; ++h)
                QCOMPARE(float(m_window->attentionOverview()->mapValue(l, h, 3, 2)), result->sentences[0].attention[size_t(l - 1)][size_t(h)].at(3, 2));
    }

    void hiddenCellsAreCoreHiddenStates()
    {
        const auto result = m_window->session()->result();
        HeatmapPlot *plot = m_window->hiddenStateView()->heatmap();
        const Matrix &expected = result->sentences[0].hidden[2];
        for (int i = 0; i < expected.rows; ++i)
            for (int d = 0; d < expected.cols; ++d)
                QCOMPARE(float(plot->cellValue(i, d)), expected.at(i, d));
    }

    void projectionPointsArePca()
    {
        const auto result = m_window->session()->result();
        Matrix rows;
        for (const auto &s : result->sentences)
            for (int i = 0; i < s.encoding.size(); ++i) {
                rows.values.insert(rows.values.end(), s.hidden[2].row(i), s.hidden[2].row(i) + s.hidden[2].cols);
                rows.cols = s.hidden[2].cols;
                ++rows.rows;
            }
        const PcaResult p = pca(rows, 2);
        std::vector<std::pair<double, double>> expected, plotted;
        for (int i = 0; i < p.projected.rows; ++i)
            expected.emplace_back(p.projected.at(i, 0), p.projected.at(i, 1));
        for (const QPointF &pt : m_window->projectionView()->plottedPoints())
            plotted.emplace_back(pt.x(), pt.y());
        QCOMPARE(plotted.size(), expected.size());
        expected = sorted(expected);
        plotted = sorted(plotted);
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY(std::abs(expected[i].first - plotted[i].first) < 1e-5);
            QVERIFY(std::abs(expected[i].second - plotted[i].second) < 1e-5);
        }
    }

    void similarityCellsAreCosine()
    {
        const auto result = m_window->session()->result();
        const Matrix expected = cosineSimilarity(result->sentences[0].hidden[2]);
        HeatmapPlot *plot = m_window->similarityView()->plot();
        for (int i = 0; i < expected.rows; ++i)
            for (int j = 0; j < expected.cols; ++j)
                QCOMPARE(float(plot->cellValue(i, j)), expected.at(i, j));
        QVERIFY(std::abs(plot->cellValue(3, 3) - 1.0) < 1e-6);
        // Sentence mode: one row per sentence.
        select([this] { Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::Sentences); });
        QCOMPARE(plot->rowCount(), 3);
    }

    void tokenClickSelectsEverywhere()
    {
        TokenStrip *strip = m_window->tokenStrip();
        const QRect chip = strip->chipRect(1, 2);
        QVERIFY(!chip.isEmpty());
        select([&] { QTest::mouseClick(strip, Qt::LeftButton, {}, chip.center()); });
        QCOMPARE(m_window->session()->viewData()->selection.sentence, 1);
        QCOMPARE(m_window->session()->viewData()->selection.token, 2);
        // The attention view now shows sentence 2, with the token's row outlined, as does the
        // hidden-state view; the projection rings the token's point.
        QCOMPARE(m_window->attentionView()->plot()->rowLabel(2), QString("world"));
        QCOMPARE(m_window->attentionView()->plot()->highlightedRow(), 2);
        QCOMPARE(m_window->hiddenStateView()->heatmap()->highlightedRow(), 2);
        const int ringed = m_window->projectionView()->highlightedPoint();
        QVERIFY(ringed >= 0);
        const ProjectionPoint &point = m_window->session()->viewData()->points[size_t(ringed)];
        QCOMPARE(point.sentence, 1);
        QCOMPARE(point.token, 2);

        // The keyboard cursor starts again when the sentence changes.
        HeatmapPlot *plot = m_window->attentionView()->plot();
        QTest::keyClick(plot, Qt::Key_Down);
        QTest::keyClick(plot, Qt::Key_Right);
        QCOMPARE(plot->cursorCell(), QPoint(1, 1));
        const QRect other = strip->chipRect(0, 3);
        select([&] { QTest::mouseClick(strip, Qt::LeftButton, {}, other.center()); });
        QCOMPARE(plot->cursorCell(), QPoint(-1, -1));
        QCOMPARE(plot->highlightedRow(), 3);
    }

    // A double click on a token masks it in the input; the panel beside the strip then shows the
    // MLM head's predictions there (as core computed them) and the per-layer lens.
    void doubleClickMasksAndPredicts()
    {
        TokenStrip *strip = m_window->tokenStrip();
        const QRect chip = strip->chipRect(1, 1); // "hello"
        QVERIFY(!chip.isEmpty());
        QSignalSpy results(m_window->session(), &AnalysisSession::resultChanged);
        QTest::mouseDClick(strip, Qt::LeftButton, {}, chip.center());
        QVERIFY(m_window->inputPanel()->inputs()[1].text.rfind("[MASK] world", 0) == 0);
        QVERIFY(results.wait(10000));
        QVERIFY(waitIdle(m_window->session()));
        select([&] { Q_EMIT strip->tokenClicked(1, 1); });
        const SentenceAnalysis &s = m_window->session()->result()->sentences[1];
        QCOMPARE(s.masks.size(), size_t(1));
        QCOMPARE(s.masks[0].index, 1);
        QTableWidget *table = m_window->predictionsPanel()->table();
        QCOMPARE(table->rowCount(), 10);
        for (int r = 0; r < 10; ++r)
            QCOMPARE(table->item(r, 0)->text(), QString::fromStdString(s.masks[0].top[size_t(r)].token));
        QCOMPARE(m_window->predictionsPanel()->lens()->rowCount(), 3); // embeddings and 2 layers
        restoreText();
    }

    // "Rollout" shows the core's rollout of the selected sentence up to the layer.
    void rolloutMode()
    {
        m_window->setLayerAndHead(2, -1);
        QVERIFY(waitIdle(m_window->session()));
        select([&] { Q_EMIT m_window->attentionView()->rolloutChanged(true); });
        const auto result = m_window->session()->result();
        const int sentence = m_window->session()->viewData()->selection.sentence;
        const Matrix expected = attentionMap(result->sentences[size_t(sentence)], 2, -1, false, nullptr, true);
        HeatmapPlot *plot = m_window->attentionView()->plot();
        for (int i = 0; i < expected.rows; ++i)
            for (int j = 0; j < expected.cols; ++j)
                QVERIFY(std::abs(plot->cellValue(i, j) - expected.at(i, j)) < 1e-6);
        // A rollout row is a distribution, and it differs from the plain mean of layer 2.
        const Matrix plain = attentionMap(result->sentences[size_t(sentence)], 2, -1, false);
        QVERIFY(std::abs(plain.at(1, 1) - expected.at(1, 1)) > 1e-4);
        select([&] { Q_EMIT m_window->attentionView()->rolloutChanged(false); });
    }

    // The similarity tab prints the baseline and, on request, compares centred vectors.
    void similarityBaselineAndCentre()
    {
        QCOMPARE(m_window->similarityView()->baselineText(),
                 QString("Baseline %1").arg(m_window->session()->viewData()->similarityBaseline, 0, 'f', 3));
        select([&] { Q_EMIT m_window->similarityView()->centreChanged(true); });
        const auto view = m_window->session()->viewData();
        QVERIFY(view->selection.centre);
        const ViewData expected = computeViewData(*m_window->session()->result(), view->selection);
        HeatmapPlot *plot = m_window->similarityView()->plot();
        for (int i = 0; i < expected.similarity.rows; ++i)
            for (int j = 0; j < expected.similarity.cols; ++j)
                QVERIFY(std::abs(plot->cellValue(i, j) - expected.similarity.at(i, j)) < 1e-6);
        select([&] { Q_EMIT m_window->similarityView()->centreChanged(false); });
        QVERIFY(!m_window->session()->viewData()->selection.centre);
    }

    // View → Words: every view shows words (pieces merged) with the core's word-level numbers.
    void wordLevelViews()
    {
        select([&] { Q_EMIT m_window->tokenStrip()->tokenClicked(0, 3); });
        select([&] { Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::Tokens); });
        select([&] { m_window->setWords(true); });
        const auto result = m_window->session()->result();
        const SentenceAnalysis &s = result->sentences[0];
        QVERIFY(s.words.size() < s.encoding.size()); // the tiny vocabulary spells words in pieces
        HeatmapPlot *attention = m_window->attentionView()->plot();
        QCOMPARE(attention->rowCount(), s.words.size());
        for (int r = 0; r < s.words.size(); ++r)
            QCOMPARE(attention->rowLabel(r), QString::fromStdString(s.words.labels[size_t(r)]));
        const auto view = m_window->session()->viewData();
        const Matrix expected = attentionMap(s, view->attentionLayer, view->selection.head, false, nullptr, false, true);
        for (int i = 0; i < expected.rows; ++i)
            for (int j = 0; j < expected.cols; ++j)
                QVERIFY(std::abs(attention->cellValue(i, j) - expected.at(i, j)) < 1e-6);
        QCOMPARE(attention->highlightedRow(), s.words.wordOfToken[3]);
        QCOMPARE(m_window->hiddenStateView()->heatmap()->rowCount(), s.words.size());
        QCOMPARE(m_window->similarityView()->plot()->rowCount(), s.words.size());
        select([&] { m_window->setWords(false); });
        QCOMPARE(attention->rowCount(), s.encoding.size());
    }

    // [UNK] says which characters it stands for; the projection and similarity tabs say which
    // layer (and sentence) they show.
    void unknownTokensAndTitlesSayWhatTheyShow()
    {
        m_window->session()->setInputs({{"hello \xF0\x9F\x99\x82 world", "", false}}); // an emoji the vocabulary lacks
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(QString::fromStdString(m_window->session()->result()->sentences[0].encoding.tokens[2]), QString("[UNK]"));
        QVERIFY2(m_window->tokenStrip()->tokenToolTip(0, 2).contains(QString::fromUtf8("“\xF0\x9F\x99\x82”")),
                 qPrintable(m_window->tokenStrip()->tokenToolTip(0, 2)));
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QVERIFY(waitIdle(m_window->session()));
        m_window->setLayerAndHead(2, -1);
        QVERIFY(waitIdle(m_window->session()));
        QVERIFY(m_window->projectionView()->title().contains("Layer 2"));
        const int sentence = m_window->session()->viewData()->selection.sentence;
        const QString similarity = m_window->similarityView()->title();
        QVERIFY2(similarity.contains("layer 2") || similarity.contains("Layer 2"), qPrintable(similarity));
        if (m_window->session()->viewData()->selection.similarity == SimilarityMode::Tokens)
            QVERIFY(similarity.contains(QString("Sentence %1").arg(sentence + 1)));
    }

    // "The selected word in every sentence": both "the" of sentence 1, compared.
    void sameWordAcrossSentences()
    {
        select([&] { m_window->setWords(true); });
        select([&] { Q_EMIT m_window->tokenStrip()->tokenClicked(0, 1); }); // the first piece of "the"
        select([&] { Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::SameWord); });
        HeatmapPlot *plot = m_window->similarityView()->plot();
        QCOMPARE(plot->rowCount(), 2);
        QCOMPARE(plot->rowLabel(0), QString("S1 the"));
        QVERIFY(m_window->similarityView()->title().contains("the"));
        select([&] { Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::AcrossSentences); });
        QCOMPARE(plot->columnCount(), m_window->session()->result()->sentences[1].words.size());
        select([&] { Q_EMIT m_window->similarityView()->modeChanged(SimilarityMode::Tokens); });
        select([&] { m_window->setWords(false); });
    }

    // Sentences from a file (TAB-separated pairs as the CLI reads them), refusals named, and the
    // last session's sentences and choices back in a new window.
    void sentencesFromAFileAndTheLastSession()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("sentences.tsv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("how are you?\ti am fine.\r\nno pair here\n\n");
        f.close();
        InputPanel panel;
        QCOMPARE(panel.loadFile(path), QString());
        const auto inputs = panel.inputs();
        QCOMPARE(inputs.size(), size_t(2));
        QVERIFY(inputs[0].hasPair);
        QCOMPARE(inputs[0].text, std::string("how are you?"));
        QCOMPARE(inputs[0].pair, std::string("i am fine."));
        QVERIFY(!inputs[1].hasPair);
        QFile bad(dir.filePath("bad.txt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("caf\xe9\n");
        bad.close();
        QVERIFY(panel.loadFile(bad.fileName()).contains("bad.txt: not valid UTF-8"));

        QSettings().remove("sentences");
        {
            MainWindow first;
            first.inputPanel()->setText("remember me");
            first.setLayerAndHead(2, 1);
            first.setWords(true);
            first.close();
        }
        MainWindow second;
        second.restoreLastSession();
        QCOMPARE(second.inputPanel()->sentencesText(), QString("remember me"));
        second.session()->setInputs(second.inputPanel()->inputs());
        second.openModel(kModel);
        QVERIFY(waitIdle(second.session()));
        QCOMPARE(second.inputPanel()->layer(), 2); // applied once the model says it has that layer
        QCOMPARE(second.session()->viewData()->selection.head, 1);
        QVERIFY(second.session()->viewData()->selection.words);
        QSettings().remove("sentences");
        QSettings().remove("words");
    }

    // The export dialog: a box per layer, the CLI's spelling out, no OK without a layer.
    void exportDialogLayers()
    {
        ExportVectorsDialog dialog(2);
        QCOMPARE(dialog.layerBoxes().size(), 3);
        QCOMPARE(dialog.layers(), QString("all"));
        dialog.layerBoxes()[1]->setChecked(false);
        QCOMPARE(dialog.layers(), QString("0,2"));
        for (QCheckBox *box : dialog.layerBoxes())
            box->setChecked(false);
        QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    }

    // Many sentences stay readable: no legend past ten sentences, labels only on outliers and the
    // selection; the search box rings a word's points.
    void projectionScalesToManySentences()
    {
        QStringList lines;
        for (int i = 0; i < 30; ++i)
            lines << QString("the sentence number %1 of many").arg(i);
        m_window->inputPanel()->setText(lines.join('\n')); // a pending input timer then brings the same sentences
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QTest::qWait(400);
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(m_window->session()->result()->sentences.size(), size_t(30));
        select([&] { Q_EMIT m_window->projectionView()->modeChanged(ProjectionMode::Tokens); });
        ProjectionView *view = m_window->projectionView();
        QVERIFY(!view->plot()->legend->visible());
        QVERIFY(view->labelCount() <= 21);
        const auto &points = m_window->session()->viewData()->points;
        const std::string query = points[2].label; // a token every sentence has
        int expected = 0;
        for (const auto &p : points)
            expected += QString::fromStdString(p.label).compare(QString::fromStdString(query), Qt::CaseInsensitive) == 0;
        view->searchBox()->setText(QString::fromStdString(query));
        QCOMPARE(int(view->searchedPoints().size()), expected);
        QVERIFY(expected >= 30);
        view->searchBox()->clear();
        restoreText();
    }

    // Nothing clipped, in both languages and at two window sizes: every plot's layout elements
    // (axes with their tick labels, colour bars, legends, titles) inside the plot, and the
    // controls above the plots wide enough for their text.
    void nothingIsClipped_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        for (const char *language : {"en", "zh_CN"})
            for (const QSize &size : {QSize(1600, 1000), QSize(1280, 720)})
                QTest::newRow(qPrintable(QString("%1 %2x%3").arg(language).arg(size.width()).arg(size.height())))
                    << QString(language) << size;
    }
    void nothingIsClipped()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        applyLanguage(language);
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTabWidget *tabs = m_window->findChild<QTabWidget *>();
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QCoreApplication::processEvents();
            for (QCustomPlot *plot : tabs->currentWidget()->findChildren<QCustomPlot *>()) {
                if (!plot->isVisible())
                    continue;
                plot->replot();
                const QRect area = plot->viewport();
                for (QCPLayoutElement *element : plot->plotLayout()->elements(true))
                    if (element && element->visible() && element->outerRect().isValid())
                        QVERIFY2(area.contains(element->outerRect().adjusted(1, 1, -1, -1)),
                                 qPrintable(QString("tab %1: %2 outside the plot").arg(t).arg(element->metaObject()->className())));
                if (plot->legend->visible())
                    QVERIFY2(area.contains(plot->legend->outerRect()), qPrintable(QString("tab %1: legend outside").arg(t)));
            }
            for (QComboBox *combo : tabs->currentWidget()->findChildren<QComboBox *>())
                if (combo->isVisible())
                    QVERIFY2(combo->width() >= combo->minimumSizeHint().width(),
                             qPrintable(QString("tab %1: %2 truncated").arg(t).arg(combo->currentText())));
        }
        tabs->setCurrentIndex(0);
        applyLanguage("en");
        m_window->hide();
    }

    // "Save the numbers": each plot's CSV holds what it shows.
    void viewsExportTheirNumbers()
    {
        HeatmapPlot *attention = m_window->attentionView()->plot();
        const QList<QByteArray> rows = QByteArray::fromStdString(attention->dataCsv()).trimmed().split('\n');
        QCOMPARE(rows.size(), attention->rowCount() + 1);
        const QList<QByteArray> first = rows[1].split(',');
        QCOMPARE(QString(first[0]), attention->rowLabel(0));
        for (int c = 0; c < attention->columnCount(); ++c)
            QCOMPARE(first[c + 1].toFloat(), float(attention->cellValue(0, c)));
        const auto points = m_window->session()->viewData()->points;
        const QList<QByteArray> projection = QByteArray::fromStdString(m_window->projectionView()->plot()->dataCsv()).trimmed().split('\n');
        QCOMPARE(size_t(projection.size()), points.size() + 1);
        QCOMPARE(projection[1].split(',').last().toFloat(), float(points[0].y));
    }

    // More lines than the window takes: said at once, and in the status bar.
    void extraLinesAreAnnounced()
    {
        QStringList lines;
        for (int i = 0; i < InputPanel::kMaxSentences + 1; ++i)
            lines << QString("sentence number %1").arg(i);
        m_window->inputPanel()->setText(lines.join('\n'));
        QVERIFY(m_window->inputPanel()->note().contains("65"));
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(m_window->session()->result()->sentences.size(), size_t(InputPanel::kMaxSentences));
        bool said = false;
        for (QLabel *label : m_window->findChildren<QLabel *>())
            said = said || label->text().contains("64 of 65");
        QVERIFY(said);
        m_window->inputPanel()->setText(kText);
        QVERIFY(m_window->inputPanel()->note().isEmpty());
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QVERIFY(waitIdle(m_window->session()));
    }

    // Switching the language renames the projection's legend at once (it goes into exported PNGs).
    void languageSwitchRenamesTheLegend()
    {
        QCustomPlot *plot = m_window->projectionView()->plot();
        QVERIFY(plot->graphCount() > 0);
        QCOMPARE(plot->graph(0)->name(), QString("Sentence 1"));
        QCOMPARE(applyLanguage("zh_CN"), QString("zh_CN"));
        QCoreApplication::processEvents();
        const QString chinese = QCoreApplication::translate("bertlens::ProjectionView", "Sentence %1").arg(1);
        QVERIFY(chinese != "Sentence 1");
        QCOMPARE(plot->graph(0)->name(), chinese);
        applyLanguage("en");
        QCoreApplication::processEvents();
        QCOMPARE(plot->graph(0)->name(), QString("Sentence 1"));
    }

    void guiExportEqualsCli_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("pooling");
        QTest::newRow("tokens") << "embed" << "none";
        QTest::newRow("mean") << "embed" << "mean";
        QTest::newRow("attention") << "attention" << "";
    }
    void guiExportEqualsCli()
    {
        QFETCH(QString, kind);
        QFETCH(QString, pooling);
        QTemporaryDir dir;
        const QString gui = dir.filePath("gui.csv"), cli = dir.filePath("cli.csv"), input = dir.filePath("input.txt");
        QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
        if (kind == "embed")
            m_window->exportVectors(gui, "all", pooling);
        else
            m_window->exportAttention(gui, "all");
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(1).toString(), QString());
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kText.toUtf8() + "\n");
        f.close();
        QStringList args = {kind, "--model", kModel, "--input", input, "--output", cli};
        if (!pooling.isEmpty())
            args << "--pooling" << pooling;
        QCOMPARE(QProcess::execute(BERTLENS_CLI, args), 0);
        const QByteArray a = readAll(gui), b = readAll(cli);
        QVERIFY(a.size() > 100);
        QVERIFY(a == b);
    }

    // With sentence pairs the export holds [CLS] A [SEP] B [SEP] of each pair, computed as a
    // pair, exactly as `bertlens-cli --pairs` writes it for TAB-separated lines.
    void pairExportEqualsCliPairs_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("tokens") << "embed";
        QTest::newRow("attention") << "attention";
    }
    void pairExportEqualsCliPairs()
    {
        QFETCH(QString, kind);
        const QString a = "how are you?\nthe lazy dog", b = "i am a bert model.\nsleeps";
        m_window->inputPanel()->setText(a, b);
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QVERIFY(waitIdle(m_window->session()));
        QVERIFY(m_window->session()->result()->sentences[0].encoding.size() > 12);
        QTemporaryDir dir;
        const QString gui = dir.filePath("gui.csv"), cli = dir.filePath("cli.csv"), input = dir.filePath("input.txt");
        QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
        if (kind == "embed")
            m_window->exportVectors(gui, "all", "none");
        else
            m_window->exportAttention(gui, "all");
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(1).toString(), QString());
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("how are you?\ti am a bert model.\nthe lazy dog\tsleeps\n");
        f.close();
        QCOMPARE(QProcess::execute(BERTLENS_CLI, {kind, "--pairs", "--model", kModel, "--input", input, "--output", cli}), 0);
        const QByteArray fromGui = readAll(gui);
        QVERIFY(fromGui.contains(",[SEP],") || kind == "attention");
        QVERIFY(fromGui == readAll(cli));
        restoreText();
    }

    // Every hostile folder of the CLI's tests gives the CLI's message in the window, and the
    // previous model stays loaded and analyses new input.
    void hostileModelsKeepThePreviousOne_data()
    {
        QTest::addColumn<int>("index");
        const auto cases = test::hostile::modelCases();
        for (int i = 0; i < int(cases.size()); ++i)
            QTest::newRow(cases[size_t(i)].name) << i;
    }
    void hostileModelsKeepThePreviousOne()
    {
        QFETCH(int, index);
        const auto c = test::hostile::modelCases()[size_t(index)];
        QTemporaryDir dir;
        const QString model = test::hostile::writeFolder(dir.filePath("model"), BERTLENS_FIXTURES_DIR, c.files, c.config);
        QTest::qWait(400); // let a pending input-panel timer fire first: only our input below may run
        QVERIFY(waitIdle(m_window->session()));
        QSignalSpy failed(m_window->session(), &AnalysisSession::modelLoadFailed);
        m_window->openModel(model);
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.first().at(1).toString().contains(c.message), qPrintable(failed.first().at(1).toString()));
        QCOMPARE(QString::fromStdString(m_window->session()->modelSummary().name), QString("tiny-safetensors"));
        QSignalSpy results(m_window->session(), &AnalysisSession::resultChanged);
        m_window->session()->setInputs({{"still working", "", false}});
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(results.count(), 1);
        QCOMPARE(m_window->session()->result()->sentences.size(), size_t(1));
        for (QMessageBox *box : m_window->findChildren<QMessageBox *>())
            box->close();
        restoreText();
    }

    void badModelKeepsThePreviousOne()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath("config.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"model_type\": \"bert\", \"hidden_size\": 30, \"num_attention_heads\": 4}");
        config.close();
        QSignalSpy failed(m_window->session(), &AnalysisSession::modelLoadFailed);
        m_window->openModel(dir.path());
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(1).toString().contains("no vocab.txt"));
        QCOMPARE(QString::fromStdString(m_window->session()->modelSummary().name), QString("tiny-safetensors"));
        QVERIFY(m_window->session()->result());
        for (QMessageBox *box : m_window->findChildren<QMessageBox *>())
            box->close();
    }

    // View → Fast arithmetic loads the model again in bf16 (where the CPU has it): the status
    // says so and the hidden states stay within cosine 0.999 of the exact ones; off again, exact.
    void fastArithmeticReloadsInBf16()
    {
        QAction *fast = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text().contains("bfloat16"))
                fast = a;
        QVERIFY(fast);
        if (!cpuHasBf16()) {
            QVERIFY(!fast->isEnabled());
            QSKIP("this CPU has no bfloat16 instructions");
        }
        const auto exact = m_window->session()->result();
        fast->trigger();
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(m_window->session()->modelSummary().precision, std::string("bf16"));
        QVERIFY(m_window->findChild<QLabel *>("modelLabel")->text().contains("bfloat16"));
        const auto fastResult = m_window->session()->result();
        QVERIFY(fastResult != exact);
        for (size_t s = 0; s < exact->sentences.size(); ++s) {
            const Matrix &a = exact->sentences[s].hidden.back(), &b = fastResult->sentences[s].hidden.back();
            for (int i = 0; i < a.rows; ++i) {
                double dot = 0, na = 0, nb = 0;
                for (int d = 0; d < a.cols; ++d)
                    dot += double(a.at(i, d)) * b.at(i, d), na += double(a.at(i, d)) * a.at(i, d), nb += double(b.at(i, d)) * b.at(i, d);
                QVERIFY(dot / std::sqrt(na * nb) > 0.999);
            }
        }
        fast->trigger();
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(m_window->session()->modelSummary().precision, std::string("fp32"));
    }

    // File → Open model lists the Hugging Face cache; a Hub id opens from it (offline here: no
    // request may be made) and the window names the model by its id.
    void hubModelsOpenFromTheCache()
    {
        QTemporaryDir cache;
        const QString commit = "0123456789abcdef0123456789abcdef01234567";
        const QDir repo(cache.path() + "/models--org--tiny");
        QVERIFY(repo.mkpath("blobs") && repo.mkpath("refs") && repo.mkpath("snapshots/" + commit));
        for (const QString &file : QDir(kModel).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(kModel + "/" + file, repo.filePath("blobs/" + file)));
            QVERIFY(QFile::link("../../blobs/" + file, repo.filePath("snapshots/" + commit + "/" + file)));
        }
        QFile ref(repo.filePath("refs/main"));
        QVERIFY(ref.open(QIODevice::WriteOnly) && ref.write(commit.toLatin1()) == 40);
        ref.close();
        qputenv("HF_HUB_CACHE", cache.path().toLocal8Bit());
        qputenv("HF_HUB_OFFLINE", "1");

        OpenModelDialog dialog({"/some/recent/folder"});
        QListWidget *list = dialog.findChild<QListWidget *>();
        QVERIFY(list);
        QListWidgetItem *cached = nullptr;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->text().contains("org/tiny"))
                cached = list->item(i);
        QVERIFY(cached);
        QVERIFY(cached->text().contains("01234567"));
        list->setCurrentItem(cached);
        QCOMPARE(dialog.choice(), repo.filePath("snapshots/" + commit));

        m_window->openModel("org/tiny");
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(QString::fromStdString(m_window->session()->modelSummary().name), QString("org/tiny"));
        QSignalSpy failed(m_window->session(), &AnalysisSession::modelLoadFailed);
        m_window->openModel("org/not-there");
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(1).toString().contains("HF_HUB_OFFLINE"));
        for (QMessageBox *box : m_window->findChildren<QMessageBox *>())
            box->close();
        qunsetenv("HF_HUB_CACHE");
        qunsetenv("HF_HUB_OFFLINE");
        m_window->openModel(kModel);
        QVERIFY(waitIdle(m_window->session()));
    }

    void newerInputWins()
    {
        QSignalSpy results(m_window->session(), &AnalysisSession::resultChanged);
        m_window->session()->setInputs({{"the lazy dog", "", false}});
        m_window->session()->setInputs({{"hello world", "", false}, {"fox", "", false}});
        QVERIFY(waitIdle(m_window->session()));
        QCOMPARE(results.count(), 1);
        const auto result = m_window->session()->result();
        QCOMPARE(result->sentences.size(), size_t(2));
        QCOMPARE(result->sentences[0].input.text, std::string("hello world"));
    }

    void screenshotsAreWritten()
    {
        QTemporaryDir dir;
        m_window->show();
        const QStringList files = m_window->saveScreenshots(dir.path(), QSize(1200, 800));
        QCOMPARE(files.size(), 7);
        for (const QString &f : files)
            QVERIFY(QImage(f).width() > 100);
    }

    // First launch: the shipped model with the example sentences, in English and Chinese.
    void defaultModelOpensWithExamples()
    {
        const QString dir = defaultModelDir();
        QVERIFY2(!dir.isEmpty(), "resources/models/bertlens-mini not found");
        MainWindow window;
        window.inputPanel()->setText(exampleSentences());
        window.session()->setInputs(window.inputPanel()->inputs());
        window.openModel(dir);
        QVERIFY(waitIdle(window.session()));
        QCOMPARE(QString::fromStdString(window.session()->modelSummary().name), QString("bertlens-mini"));
        const auto result = window.session()->result();
        QVERIFY(result->sentences.size() >= 4);
        bool chinese = false;
        for (const auto &s : result->sentences)
            for (const auto &token : s.encoding.tokens)
                chinese = chinese || QString::fromStdString(token).contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]"));
        QVERIFY(chinese);
    }

    // File → Examples for a lesson: six sets, each in English and Chinese; the pair set turns
    // pair mode on. The Chinese UI's first launch shows Chinese sentences.
    void lessonExamples()
    {
        QMenu *examples = nullptr;
        for (QMenu *menu : m_window->findChildren<QMenu *>())
            if (menu->title().contains("Examples"))
                examples = menu;
        QVERIFY(examples);
        QCOMPARE(examples->actions().size(), 6);
        const QRegularExpression han("[\\x{4e00}-\\x{9fff}]"), latin("[A-Za-z]");
        for (QAction *action : examples->actions()) {
            action->trigger();
            const auto inputs = m_window->inputPanel()->inputs();
            QVERIFY2(inputs.size() >= 2, qPrintable(action->text()));
            bool chinese = false, english = false;
            for (const auto &in : inputs) {
                chinese = chinese || QString::fromStdString(in.text).contains(han);
                english = english || QString::fromStdString(in.text).contains(latin);
            }
            QVERIFY2(chinese && english, qPrintable(action->text()));
            if (action->text().contains("pair"))
                QVERIFY(inputs[0].hasPair && !inputs[0].pair.empty());
        }
        applyLanguage("zh_CN");
        QVERIFY(exampleSentences().contains(han) && !exampleSentences().contains(latin));
        QTRY_VERIFY(examples->title().contains(QString::fromUtf8("课堂示例")));
        QVERIFY(examples->actions().first()->text().contains(QString::fromUtf8("一词多义")));
        applyLanguage("en");
        QTRY_VERIFY(examples->title().contains("Examples"));
        restoreText();
    }

    // One numbering: the attention of layer ℓ produces hidden state ℓ; at layer 0 (the
    // embeddings) the attention tab shows layer 1's and says why.
    void layerZeroSaysItHasNoAttention()
    {
        auto title = [this] {
            for (QLabel *label : m_window->attentionView()->findChildren<QLabel *>())
                if (label->text().startsWith("Sentence"))
                    return label->text();
            return QString();
        };
        select([this] { m_window->setLayerAndHead(0, -1); });
        QVERIFY2(title().contains("layer 1") && title().contains("layer 0 (the embeddings) has no attention"), qPrintable(title()));
        select([this] { m_window->setLayerAndHead(2, -1); });
        QVERIFY2(title().contains("layer 2") && !title().contains("no attention"), qPrintable(title()));
    }

    // The walk-through follows the selected token, layer and head; its numbers are the window's
    // own (the attention row, the layer-0 vector); keys step; its links lead to the other views.
    void walkthroughFollowsTheSelection()
    {
        restoreText();
        select([this] { m_window->selectToken(0, 3); });
        select([this] { m_window->setLayerAndHead(2, 1); });
        WalkthroughView *view = m_window->walkthroughView();
        QSignalSpy changed(m_window->session(), &AnalysisSession::walkthroughChanged);
        m_window->tabs()->setCurrentWidget(view);
        QVERIFY(changed.wait(10000));
        const auto w = m_window->session()->walkthrough();
        QVERIFY(w && view->walkthrough() == w);
        QCOMPARE(w->request.token, 3);
        QCOMPARE(w->request.layer, 2);
        QCOMPARE(w->request.head, 1);
        const auto result = m_window->session()->result();
        const SentenceAnalysis &s = result->sentences[0];
        QCOMPARE(w->request.input.text, s.input.text);
        const std::vector<float> probs = w->row("attention.probs");
        for (int j = 0; j < s.encoding.size(); ++j)
            QVERIFY(std::abs(probs[size_t(j)] - s.attention[1][1].at(3, j)) < 1e-5);
        // Page 2's last strip is the token's layer-0 vector, as the hidden-state view has it.
        const auto strips = view->page(1)->findChildren<VectorStrip *>();
        QVERIFY(!strips.isEmpty());
        const std::vector<float> &layer0 = strips.last()->values();
        QCOMPARE(int(layer0.size()), s.hidden[0].cols);
        for (int d = 0; d < s.hidden[0].cols; ++d)
            QVERIFY(std::abs(layer0[size_t(d)] - s.hidden[0].at(3, d)) < 1e-5);

        // → and the clicker's PageDown step forward, ← and PageUp back, Home/End jump.
        m_window->show(); // shortcuts need an active window
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view->setFocus();
        view->setStep(0);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->step(), 1);
        QTest::keyClick(view, Qt::Key_PageDown);
        QCOMPARE(view->step(), 2);
        QTest::keyClick(view, Qt::Key_PageUp);
        QCOMPARE(view->step(), 1);
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(view->step(), WalkthroughView::kSteps - 1);
        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(view->step(), 0);

        // "Previous layer" on the feed-forward page moves the whole window to layer 1; at the
        // last layer (2 of 2) there is no next one.
        QPushButton *previous = nullptr, *next = nullptr;
        for (QPushButton *b : view->page(5)->findChildren<QPushButton *>()) {
            previous = b->text().contains("Previous layer") ? b : previous;
            next = b->text().contains("Next layer") ? b : next;
        }
        QVERIFY(previous && next);
        QVERIFY(!next->isEnabled());
        changed.clear();
        previous->click();
        QVERIFY(changed.wait(10000));
        QCOMPARE(m_window->session()->walkthrough()->request.layer, 1);
        QCOMPARE(m_window->session()->selection().layer, 1);

        // The scores page's link shows the same row in the Attention tab.
        QVERIFY(waitIdle(m_window->session()));
        QPushButton *link = nullptr;
        for (QPushButton *b : view->page(3)->findChildren<QPushButton *>())
            link = b->text().contains("Attention tab") ? b : link;
        QVERIFY(link);
        select([&] { link->click(); });
        QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->attentionView()));
        QCOMPARE(m_window->session()->selection().head, 1);
        QCOMPARE(m_window->attentionView()->plot()->highlightedRow(), 3);
        for (int j = 0; j < s.encoding.size(); ++j)
            QCOMPARE(float(m_window->attentionView()->plot()->cellValue(3, j)), result->sentences[0].attention[0][1].at(3, j));
        m_window->setLayerAndHead(2, -1);
        QVERIFY(waitIdle(m_window->session()));
        m_window->hide();
    }

    // F5: full screen, panels hidden, every font scaled by the remembered zoom, high contrast; the
    // token under the pointer is selected; Esc gives the window back as it was.
    void presenterMode()
    {
        const QFont base = QApplication::font();
        const int tokenFont = m_window->tokenStrip()->font().pointSize();
        auto *dock = m_window->findChild<QDockWidget *>("input");
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(dock->isVisible());
        m_window->setPresenterMode(true);
        PresenterMode *presenter = m_window->presenterMode();
        QVERIFY(presenter->isActive());
        QVERIFY(!dock->isVisible());
        QVERIFY(!m_window->predictionsPanel()->isVisible());
        QVERIFY(highContrast());
        QCOMPARE(QApplication::font().pointSizeF(), base.pointSizeF() * presenter->zoom());
        QVERIFY(m_window->tokenStrip()->font().pointSize() > tokenFont);
        const double zoom = presenter->zoom();
        QTest::keyClick(m_window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(presenter->zoom() > zoom);
        QCOMPARE(QSettings().value("presenterZoom").toDouble(), presenter->zoom());
        QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(presenter->zoom(), PresenterMode::kDefaultZoom);

        TokenStrip *strip = m_window->tokenStrip();
        QApplication::processEvents();
        const QRect chip = strip->chipRect(1, 2);
        select([&] {
            QMouseEvent move(QEvent::MouseMove, chip.center(), strip->mapToGlobal(chip.center()), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(strip, &move);
        });
        QCOMPARE(m_window->session()->selection().sentence, 1);
        QCOMPARE(m_window->session()->selection().token, 2);

        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(!presenter->isActive());
        QVERIFY(dock->isVisible());
        QVERIFY(!highContrast());
        QCOMPARE(QApplication::font(), base);
        QCOMPARE(m_window->tokenStrip()->font().pointSize(), tokenFont);
        m_window->hide();
    }

    // File → Compare with…: the Compare tab shows core's comparison of the two models' analyses.
    void compareTabShowsTheComparison()
    {
        restoreText();
        QTemporaryDir dir;
        const auto first = LoadedModel::load(kModel.toStdString());
        RandomModelOptions random;
        random.config = first->config;
        random.config.hiddenSize = 48;
        random.config.intermediateSize = 64;
        random.config.numLayers = 3;
        for (int id = 0; id < first->tokenizer->vocab().size(); ++id)
            random.vocab.push_back(first->tokenizer->vocab().token(id));
        random.seed = 11;
        writeRandomModel(dir.filePath("other").toStdString(), random);
        select([this] { m_window->setLayerAndHead(2, 1); });
        QSignalSpy compared(m_window->comparison(), &ComparisonSession::comparisonChanged);
        m_window->compareWith(dir.filePath("other"));
        QVERIFY(compared.wait(20000));
        const auto other = LoadedModel::load(dir.filePath("other").toStdString());
        const auto theirs = analyseSentences(*other, m_window->inputPanel()->inputs());
        const ViewSelection &sel = m_window->session()->selection();
        QCOMPARE(sel.layer, 2);
        const ModelComparison expected = compareModels(*m_window->session()->result(), *theirs, sel.sentence, 2, 2, 1);
        HeatmapPlot *cka = m_window->compareView()->ckaPlot();
        QCOMPARE(cka->rowCount(), 3);
        QCOMPARE(cka->columnCount(), 4);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 4; ++j)
                QVERIFY(std::abs(cka->cellValue(i, j) - expected.cka.at(i, j)) < 1e-6);
        HeatmapPlot *difference = m_window->compareView()->differencePlot();
        for (int i = 0; i < expected.attentionDifference.rows; ++i)
            QVERIFY(std::abs(difference->cellValue(i, 1) - expected.attentionDifference.at(i, 1)) < 1e-6);
        QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->compareView()));
        m_window->comparison()->close();
        QVERIFY(!m_window->comparison()->hasModel());
    }

    // File → Open corpus…: every line is a point; a word rings its lines; a clicked token lists its
    // nearest occurrences as the index finds them; a hit goes into the input.
    void corpusTabSearches()
    {
        restoreText();
        QTemporaryDir dir;
        const QString corpus = dir.filePath("corpus.txt");
        QFile f(corpus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("the quick brown fox\tanimals\nhello world\tgreetings\nthe lazy dog sleeps\tanimals\n\nworld news today\n"
                "a bert model reads words\nhello again\tgreetings\n");
        f.close();
        QSignalSpy opened(m_window->corpus(), &CorpusSession::opened);
        m_window->openCorpus(corpus);
        QVERIFY(opened.wait(20000));
        CorpusView *view = m_window->corpusView();
        QCOMPARE(view->pointCount(), 6);
        view->wordBox()->setText("HELLO");
        QCOMPARE(view->ringedCount(), 2);
        QSignalSpy hits(m_window->corpus(), &CorpusSession::hitsChanged);
        m_window->selectToken(1, 2);
        QVERIFY(hits.wait(10000));
        const auto model = LoadedModel::load(kModel.toStdString());
        const CorpusIndex index = CorpusIndex::load(CorpusIndex::indexPathFor(corpus.toStdString()), *model, corpus.toStdString(), CorpusIndexOptions());
        QVERIFY(!index.empty());
        const auto expected = index.nearestTokens(*model, m_window->session()->result()->sentences[1].input.text, 2, 20);
        QCOMPARE(view->tokenHits()->count(), int(expected.size()));
        QVERIFY(view->tokenHits()->item(0)->text().contains(QString::number(expected[0].line + 1) + ":"));
        view->queryBox()->setText("hello there");
        QTest::keyClick(view->queryBox(), Qt::Key_Return);
        QVERIFY(hits.wait(10000));
        QCOMPARE(view->lineHits()->count(), 6);
        const QString chosen = view->lineHits()->item(0)->data(Qt::UserRole).toString();
        Q_EMIT view->lineHits()->itemActivated(view->lineHits()->item(0));
        QVERIFY(m_window->inputPanel()->sentencesText().endsWith(chosen));
        m_window->corpus()->close();
        restoreText();
    }

    // UMAP and t-SNE in the Projection tab: exactly the map the core computes from the same vectors
    // with the same seed, drawn while it forms, its figures shown, kept (back to it: no new
    // computation); colour by k-means cluster as the core's k-means.
    void mapsFormAndAreKept()
    {
        restoreText();
        m_window->inputPanel()->setLayer(2);
        QVERIFY(waitIdle(m_window->session()));
        ProjectionView *view = m_window->projectionView();
        for (MapMethod method : {MapMethod::Umap, MapMethod::Tsne}) {
            QSignalSpy ready(m_window->maps(), &MapSession::mapReady);
            QSignalSpy formed(m_window->maps(), &MapSession::layoutChanged);
            const int index = view->methodBox()->findData(int(method));
            select([&] {
                view->methodBox()->setCurrentIndex(index);
                Q_EMIT view->methodBox()->activated(index);
            });
            QVERIFY(ready.count() > 0 || ready.wait(60000));
            QVERIFY(formed.count() >= 1);
            const auto data = m_window->session()->viewData();
            MapOptions options;
            options.method = method;
            options.seed = 42;
            const MapResult expected = computeMap(data->mapRows, options);
            std::vector<std::pair<double, double>> want, got;
            for (int i = 0; i < expected.layout.rows; ++i)
                want.emplace_back(expected.layout.at(i, 0), expected.layout.at(i, 1));
            for (const QPointF &p : view->plottedPoints())
                got.emplace_back(p.x(), p.y());
            QCOMPARE(sorted(got), sorted(want));
            QVERIFY2(view->qualityText().contains("trustworthiness " + QString::number(expected.quality->trustworthiness, 'f', 3)),
                     qPrintable(view->qualityText()));
            QVERIFY(view->title().contains(QString::fromUtf8(mapMethodName(method).label)));
        }
        // PCA, then t-SNE again: the kept map, with nothing computed.
        const auto tsne = view->plottedPoints();
        select([&] { Q_EMIT view->methodChanged(MapMethod::Pca); });
        QVERIFY(view->title().contains("PCA"));
        select([&] { Q_EMIT view->methodChanged(MapMethod::Tsne); });
        QVERIFY(!m_window->maps()->isRunning());
        QCOMPARE(view->plottedPoints(), tsne);
        QVERIFY(view->qualityText().contains("t-SNE, seed 42"));
        // Colour by cluster: the core's k-means of the same vectors.
        select([&] { Q_EMIT view->colourChanged(MapColour::Cluster); });
        const auto data = m_window->session()->viewData();
        const KMeansResult k = kMeans(unitRowsOf(tensorView(data->mapRows)), 4, 42);
        QCOMPARE(data->clusters, std::vector<int>(k.cluster.begin(), k.cluster.end()));
        QVERIFY(view->qualityText().contains("silhouette"));
        QCOMPARE(m_window->projectionView()->plot()->graphCount(), *std::max_element(k.cluster.begin(), k.cluster.end()) + 1);
        select([&] { Q_EMIT view->colourChanged(MapColour::Sentence); });
        select([&] { Q_EMIT view->methodChanged(MapMethod::Pca); });
    }

    // Stop: the map in the making is dropped (nothing delivered, nothing kept) and the view shows
    // the PCA plane again, saying so.
    void stoppedMapsLeaveThePlane()
    {
        MapSession maps;
        QSignalSpy ready(&maps, &MapSession::mapReady), running(&maps, &MapSession::runningChanged);
        std::atomic<bool> started{false};
        maps.request("k", [&](const CancelToken &cancel, const LayoutProgress &) -> MapResult {
            started = true;
            while (!cancel.isCancelled())
                QThread::msleep(5);
            cancel.throwIfCancelled();
            return {};
        });
        QTRY_VERIFY(started.load());
        maps.cancel();
        QTRY_VERIFY(!maps.isRunning());
        QCoreApplication::processEvents();
        QCOMPARE(ready.count(), 0);
        QVERIFY(!maps.cached("k"));

        ProjectionView *view = m_window->projectionView();
        const auto plane = view->plottedPoints();
        Matrix elsewhere(int(plane.size()), 2, 100.f);
        view->showLayout(elsewhere, 3, 10);
        QVERIFY(view->plottedPoints() != plane);
        view->showMapStopped();
        QCOMPARE(sorted([&] {
                     std::vector<std::pair<double, double>> v;
                     for (const QPointF &p : view->plottedPoints())
                         v.emplace_back(p.x(), p.y());
                     return v;
                 }()),
                 sorted([&] {
                     std::vector<std::pair<double, double>> v;
                     for (const QPointF &p : plane)
                         v.emplace_back(p.x(), p.y());
                     return v;
                 }()));
    }

    // The Probe tab: the figures the core's probe gives for the same set, plotted with the control.
    void probeTabShowsTheCurve()
    {
        QTemporaryDir dir;
        const QString set = dir.filePath("set.tsv");
        QFile f(set);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 6; ++i)
            f.write(QByteArray("the cat sat on mat ") + QByteArray::number(i) + "\tcat\nthe dog ran in park " + QByteArray::number(i) + "\tdog\n");
        f.close();
        QSignalSpy finished(m_window->probeSession(), &ProbeSession::finished);
        m_window->probe(set);
        QVERIFY(finished.wait(60000));
        const auto model = LoadedModel::load(kModel.toStdString());
        const ProbeResult expected = probeLayers(*model, readLabelledInputs(set.toStdString()), ProbeOptions());
        QCOMPARE(QString::fromStdString(m_window->probeView()->plot()->dataCsv()), QString::fromStdString(probeCsv(expected)));
        QCOMPARE(m_window->probeView()->plot()->graphCount(), 2);
        QVERIFY(m_window->probeView()->summary().startsWith("12 lines, 2 labels, 5 folds"));
    }

    // File → Export vectors as an Embedding Projector folder: the CLI's folder, byte for byte.
    void projectorExportEqualsCli()
    {
        restoreText();
        QTemporaryDir dir;
        const QString gui = dir.filePath("gui"), cli = dir.filePath("cli"), input = dir.filePath("input.txt");
        QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
        m_window->exportVectors(gui, "0,2", "mean", true, 2);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(1).toString(), QString());
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kText.toUtf8() + "\n");
        f.close();
        QCOMPARE(QProcess::execute(BERTLENS_CLI, {"embed", "--model", kModel, "--input", input, "--output", cli, "--format", "projector",
                                                  "--layers", "0,2", "--pooling", "mean", "--clusters", "2"}),
                 0);
        for (const char *file : {"vectors.tsv", "metadata.tsv", "projector_config.json"})
            QCOMPARE(readAll(gui + "/" + file), readAll(cli + "/" + file));
        QVERIFY(readAll(gui + "/metadata.tsv").startsWith("text\tsentence\ttoken\tlayer\tlabel\tcluster\n"));
    }

    // Save session, then a fresh window opens it as it was; a lost model folder is named.
    void sessionsSaveAndOpen()
    {
        restoreText();
        QTemporaryDir dir;
        select([this] { m_window->setLayerAndHead(2, 1); });
        select([this] { m_window->selectToken(0, 3); });
        m_window->tabs()->setCurrentWidget(m_window->walkthroughView());
        m_window->walkthroughView()->setStep(3);
        const QString path = dir.filePath("lesson.bertlens");
        QCOMPARE(m_window->saveSession(path), QString());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const SessionState state = readSession(saved.readAll(), path);
        QCOMPARE(state.model, kModel);
        QCOMPARE(state.selection.layer, 2);

        MainWindow other;
        QCOMPARE(other.openSession(path), QString());
        QVERIFY(waitIdle(other.session()));
        QCOMPARE(other.inputPanel()->sentencesText(), m_window->inputPanel()->sentencesText());
        QCOMPARE(other.session()->selection().layer, 2);
        QCOMPARE(other.session()->selection().head, 1);
        QCOMPARE(other.session()->selection().token, 3);
        QCOMPARE(other.tabs()->currentWidget(), static_cast<QWidget *>(other.walkthroughView()));
        QCOMPARE(other.walkthroughView()->step(), 3);
        QCOMPARE(other.session()->modelSource(), kModel);

        // The model folder has gone: the texts come back and the message names the folder.
        SessionState lost = state;
        lost.model = dir.filePath("gone");
        QFile lostFile(dir.filePath("lost.bertlens"));
        QVERIFY(lostFile.open(QIODevice::WriteOnly));
        lostFile.write(writeSession(lost));
        lostFile.close();
        MainWindow third;
        const QString problem = third.openSession(lostFile.fileName());
        QVERIFY2(problem.contains(dir.filePath("gone")), qPrintable(problem));
        QCOMPARE(third.inputPanel()->sentencesText(), m_window->inputPanel()->sentencesText());
        // Not a session: the error names the file and the field.
        QFile bad(dir.filePath("bad.bertlens"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"format": "bertlens-session", "version": 1, "layer": "two"})");
        bad.close();
        const QString error = third.openSession(bad.fileName());
        QVERIFY2(error.contains("bad.bertlens") && error.contains("\"layer\""), qPrintable(error));
        QVERIFY(third.openSession(dir.filePath("none.bertlens")).contains("none.bertlens"));
        m_window->tabs()->setCurrentIndex(0);
    }

    // A sentence longer than the model's 64 tokens is shown one overlapping window at a time: the
    // selector appears, the views (attention maps included) and the walk-through show the window
    // chosen, and the note says which.
    void longSentencesShowOneWindowAtATime()
    {
        QByteArray longLine;
        for (int i = 0; i < 12; ++i)
            longLine += "the quick brown fox jumps over the lazy dog ";
        m_window->inputPanel()->setText(QString(longLine.trimmed()) + "\nhello world");
        m_window->session()->setInputs(m_window->inputPanel()->inputs());
        QVERIFY(waitIdle(m_window->session()));
        QSpinBox *selector = nullptr;
        for (QSpinBox *box : m_window->inputPanel()->findChildren<QSpinBox *>())
            if (box->accessibleName() == "Window of the long sentences")
                selector = box;
        QVERIFY(selector && !selector->isHidden());
        const auto model = LoadedModel::load(kModel.toStdString());
        const Encoding full = model->tokenizer->encode(longLine.trimmed().toStdString());
        const InputWindows windows = splitIntoWindows(*model->tokenizer, full, 64, defaultStride(*model->tokenizer, 64));
        QCOMPARE(selector->maximum(), int(windows.windows.size()));
        QSignalSpy results(m_window->session(), &AnalysisSession::resultChanged);
        selector->setValue(2);
        QVERIFY(results.wait(10000));
        QVERIFY(waitIdle(m_window->session()));
        const SentenceAnalysis &s = m_window->session()->result()->sentences[0];
        QCOMPARE(s.encoding.ids, windows.windows[1].ids);
        QCOMPARE(s.encoding.window, 1);
        QCOMPARE(int(s.attention.size()), model->config.numLayers); // the window's own attention maps
        QCOMPARE(int(s.attention[0][0].rows), s.encoding.size());
        bool said = false;
        for (QLabel *label : m_window->inputPanel()->findChildren<QLabel *>())
            said = said || label->text().contains(QString("sentence 1 (%1 tokens: window 2 of %2)").arg(full.size()).arg(windows.windows.size()));
        QVERIFY(said);
        selector->setValue(1);
        QVERIFY(waitIdle(m_window->session()));
        restoreText();
    }

    // Each family opens in the window and every view draws: RoBERTa, XLM-R, ELECTRA and a
    // multilingual sentence-transformers folder, and RoBERTa's real tokenizer.json (from
    // ../shared, on random weights the project writes) — tokens labelled as people read them.
    void everyFamilyOpensInTheWindow_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("text");
        const QString fixtures = QDir(BERTLENS_FIXTURES_DIR).filePath("models/");
        QTest::newRow("roberta") << fixtures + "tiny-roberta" << "the cat sat on the <mask>.\nthe cat is on a mat";
        QTest::newRow("xlm-roberta") << fixtures + "tiny-xlmr" << "the cat sat on the <mask>.\n北京是中国的首都";
        QTest::newRow("electra") << fixtures + "tiny-electra" << "the quick [MASK] fox\nhello world";
        QTest::newRow("multilingual sentence-transformers") << fixtures + "tiny-multilingual-st" << "the cat sat\n北京是中国的首都";
        QTest::newRow("roberta-base tokenizer") << QString("roberta-base") << "The cat sat on the <mask>.\nHello wörld 😀";
    }

    void everyFamilyOpensInTheWindow()
    {
        QFETCH(QString, folder);
        QFETCH(QString, text);
        QTemporaryDir dir;
        if (folder == "roberta-base") {
            const QString tokenizer = QDir(BERTLENS_SHARED_DIR).filePath("vocab/roberta-base/tokenizer.json");
            if (!QFile::exists(tokenizer))
                QSKIP("../shared/vocab/roberta-base is not on this machine");
            RandomModelOptions random;
            random.config = LoadedModel::load(QDir(BERTLENS_FIXTURES_DIR).filePath("models/tiny-roberta").toStdString())->config;
            random.config.vocabSize = 50265;
            random.config.maxPositions = 130;
            random.withMlmHead = true;
            random.vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]"}; // replaced by tokenizer.json below
            folder = dir.filePath("roberta-base-random");
            writeRandomModel(folder.toStdString(), random);
            QFile::remove(folder + "/vocab.txt");
            QFile::remove(folder + "/tokenizer_config.json");
            QVERIFY(QFile::copy(tokenizer, folder + "/tokenizer.json"));
        }
        MainWindow window;
        window.inputPanel()->setText(text);
        window.session()->setInputs(window.inputPanel()->inputs());
        window.openModel(folder);
        QVERIFY(waitIdle(window.session()));
        const auto result = window.session()->result();
        QCOMPARE(result->sentences.size(), size_t(2));
        for (const SentenceAnalysis &s : result->sentences)
            for (const std::string &label : s.encoding.labels)
                QVERIFY2(label.find("\u0120") == std::string::npos && label.find("\u2581") == std::string::npos, label.c_str());
        if (!result->sentences[0].masks.empty())
            QCOMPARE(result->sentences[0].masks[0].top.size(), size_t(10));
        // The hints name the model's own mask token (<mask> for RoBERTa's family).
        const QString mask = QString::fromStdString(window.session()->modelSummary().maskToken);
        bool hinted = false;
        for (QWidget *w : window.inputPanel()->findChildren<QWidget *>())
            hinted = hinted || w->accessibleDescription().contains("type " + mask + " for a word");
        QVERIFY2(hinted, qPrintable(mask));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTabWidget *tabs = window.findChild<QTabWidget *>();
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QVERIFY(waitIdle(window.session()));
            QVERIFY(!tabs->currentWidget()->grab().isNull());
        }
        QVERIFY(waitIdle(window.session()));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
