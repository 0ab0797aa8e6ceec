// The Explain tab and knock-outs in the real window: what it shows equals what the core computes
// (the core is checked against the float64 reference in tests/analysis/test_explain.cpp); clicks
// on the overview and typed knock-outs reach every view; the head-importance map opens a head.
#include "main_window.h"
#include "window_wait.h"
#include "panels/explain_panel.h"
#include "panels/input_panel.h"
#include "panels/predictions_panel.h"
#include "panels/score_strip.h"
#include "session/analysis_session.h"
#include "session/explain_session.h"
#include "views/attention_overview.h"
#include "views/attention_view.h"
#include "views/head_importance_view.h"
#include "views/heatmap_plot.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace bertlens;

namespace {

const QString kModel = QDir(BERTLENS_FIXTURES_DIR).filePath("models/tiny-safetensors");
const QString kText = "the quick brown [MASK] jumps\nhello world, this is a bert model";


// The request the window's Explain panel makes for sentence 1's [MASK], by hand.
ExplainRequest maskRequest(MainWindow *window)
{
    ExplainRequest r;
    r.text = window->session()->inputs()[0];
    r.knockout = window->session()->knockout();
    return r;
}

} // namespace

class TestExplainWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    // Clicks the overview's map of (layer 1..L, head 0-based).
    void clickOverviewMap(int layer, int head, Qt::MouseButton button = Qt::LeftButton)
    {
        AttentionOverview *overview = m_window->attentionOverview();
        m_window->tabs()->setCurrentWidget(overview);
        QCoreApplication::processEvents();
        const int tokens = m_window->session()->result()->sentences[0].encoding.size(), stride = tokens + 1;
        PlotWidget *plot = overview->plot();
        const QPoint at(int(plot->xAxis->coordToPixel(head * stride + (tokens - 1) / 2.0)),
                        int(plot->yAxis->coordToPixel((layer - 1) * stride + (tokens - 1) / 2.0)));
        QTest::mouseClick(plot, button, {}, at);
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
        // The input panel also reports the text, 300 ms after it changed: that analysis too.
        QTest::qWait(500);
        QVERIFY(test::waitSettled(m_window.get()));
    }

    void explainsTheMaskWithEachMethod()
    {
        m_window->tabs()->setCurrentWidget(m_window->explainPage());
        QVERIFY(test::waitSettled(m_window.get()));
        ExplainPanel *panel = m_window->explainPanel();
        for (ExplainMethod method : {ExplainMethod::Occlusion, ExplainMethod::Gradient, ExplainMethod::IntegratedGradients}) {
            panel->setMethod(method);
            QVERIFY(test::waitSettled(m_window.get()));
            const auto shown = m_window->explainSession()->explanation();
            QVERIFY(shown);
            QCOMPARE(shown->attribution.method, method);
            const Attribution expected = attribute(*m_window->session()->model(), maskRequest(m_window.get()), method);
            QCOMPARE(shown->attribution.scores, expected.scores);
            QVERIFY(!shown->token.empty());
            // Every token on the strip, coloured by its score; the legend spans the largest |score|.
            const int tokens = int(expected.scores[0].size());
            QVERIFY(!panel->scores()->chipRect(0, tokens - 1).isNull());
            double largest = 0;
            for (double s : expected.scores[0])
                largest = std::max(largest, std::abs(s));
            QVERIFY(std::abs(panel->scores()->range() - largest) < 1e-12);
            QVERIFY(panel->figures()->text().contains(QString::number(expected.target, 'f', 3)));
            QCOMPARE(panel->figures()->text().contains("completeness error"), method == ExplainMethod::IntegratedGradients);
        }
        panel->setMethod(ExplainMethod::Occlusion);
        QVERIFY(test::waitSettled(m_window.get()));
    }

    void explainsASimilarity()
    {
        m_window->tabs()->setCurrentWidget(m_window->explainPage());
        m_window->explainPanel()->setTarget(TargetKind::Similarity);
        QVERIFY(test::waitSettled(m_window.get()));
        const auto shown = m_window->explainSession()->explanation();
        QVERIFY(shown);
        QCOMPARE(shown->attribution.scores.size(), size_t(2));
        QCOMPARE(shown->sentences, (std::vector<int>{0, 1}));
        QVERIFY(!m_window->explainPanel()->scores()->chipRect(1, 0).isNull());
        m_window->explainPanel()->setTarget(TargetKind::Mask);
        QVERIFY(test::waitSettled(m_window.get()));
    }

    // A click with "Click knocks out" on switches the head off: crossed out, in the panel's field,
    // in every later result; the predictions say what they were before; a second click restores.
    void clickingTheOverviewKnocksOutAHead()
    {
        QTableWidget *predictions = m_window->predictionsPanel()->table();
        QCOMPARE(predictions->columnCount(), 2);
        m_window->attentionOverview()->knockoutMode()->setChecked(true);
        clickOverviewMap(2, 2);
        QVERIFY(test::waitSettled(m_window.get()));
        QCOMPARE(m_window->session()->knockout().heads, (std::set<std::pair<int, int>>{{2, 2}}));
        QCOMPARE(m_window->attentionOverview()->crossedOut(), (std::vector<std::pair<int, int>>{{2, 2}}));
        QCOMPARE(m_window->explainPanel()->headsEdit()->text(), QString("2:3"));
        QCOMPARE(m_window->session()->result()->knockout.heads.size(), size_t(1));
        QVERIFY(m_window->session()->intactResult());
        QCOMPARE(predictions->columnCount(), 3);
        // Layer 1 is below the knock-out; layer 2's vectors differ.
        const auto &knocked = m_window->session()->result()->sentences[0].hidden;
        const auto &intact = m_window->session()->intactResult()->sentences[0].hidden;
        QCOMPARE(knocked[1].values, intact[1].values);
        QVERIFY(knocked[2].values != intact[2].values);
        QVERIFY(m_window->attentionOverview()->plot()->grab().toImage() != QImage()); // drawn without a crash
        clickOverviewMap(2, 2);
        QVERIFY(test::waitSettled(m_window.get()));
        QVERIFY(m_window->session()->knockout().empty());
        QVERIFY(m_window->attentionOverview()->crossedOut().empty());
        QVERIFY(!m_window->session()->intactResult());
        QCOMPARE(predictions->columnCount(), 2);
        m_window->attentionOverview()->knockoutMode()->setChecked(false);
        clickOverviewMap(1, 0); // a plain click opens the map again
        QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->attentionView()));
    }

    void typedKnockoutsBeforeAndAfter()
    {
        m_window->tabs()->setCurrentWidget(m_window->explainPage());
        ExplainPanel *panel = m_window->explainPanel();
        panel->headsEdit()->setFocus();
        panel->headsEdit()->setText("1:1, 2:4");
        panel->ffnEdit()->setText("2");
        QTest::keyClick(panel->headsEdit(), Qt::Key_Return);
        QVERIFY(test::waitSettled(m_window.get()));
        QCOMPARE(m_window->session()->knockout().heads, (std::set<std::pair<int, int>>{{1, 0}, {2, 3}}));
        QCOMPARE(m_window->session()->knockout().ffn, std::set<int>{2});
        const auto shown = m_window->explainSession()->explanation();
        QVERIFY(shown && !std::isnan(shown->before));
        ExplainRequest intact = maskRequest(m_window.get());
        intact.knockout = {};
        intact.tokenId = shown->attribution.tokenId;
        QVERIFY(std::abs(shown->before - targetValue(*m_window->session()->model(), intact)) < 1e-12);
        QVERIFY(panel->figures()->text().contains("→"));
        QVERIFY(panel->figures()->text().contains(QString::number(shown->before, 'f', 3)));
        // A head the model does not have is named and changes nothing.
        panel->headsEdit()->setText("9:9");
        QTest::keyClick(panel->headsEdit(), Qt::Key_Return);
        QVERIFY(panel->figures()->text().contains("head 9:9 does not exist"));
        QCOMPARE(m_window->session()->knockout().heads.size(), size_t(2));
        QTest::mouseClick(panel->resetButton(), Qt::LeftButton);
        QVERIFY(test::waitSettled(m_window.get()));
        QVERIFY(m_window->session()->knockout().empty());
        QVERIFY(panel->headsEdit()->text().isEmpty());
    }

    void headImportanceOpensAHead()
    {
        m_window->tabs()->setCurrentWidget(m_window->explainPage());
        QTest::mouseClick(m_window->explainPanel()->importanceButton(), Qt::LeftButton);
        QVERIFY(test::waitSettled(m_window.get()));
        QVERIFY(m_window->explainSession()->importance());
        const HeadImportance expected = headImportance(*m_window->session()->model(), maskRequest(m_window.get()));
        HeatmapPlot *plot = m_window->headImportanceView()->plot();
        QCOMPARE(plot->rowCount(), expected.heads.rows);
        QCOMPARE(plot->columnCount(), expected.heads.cols + 1);
        for (int l = 0; l < expected.heads.rows; ++l) {
            for (int h = 0; h < expected.heads.cols; ++h)
                QCOMPARE(float(plot->cellValue(l, h)), expected.heads.at(l, h));
            QCOMPARE(float(plot->cellValue(l, expected.heads.cols)), float(expected.ffn[size_t(l)]));
        }
        QCOMPARE(plot->columnLabel(expected.heads.cols), QString("FFN"));
        Q_EMIT plot->cellActivated(1, 2);
        QVERIFY(test::waitSettled(m_window.get()));
        QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->attentionView()));
        QCOMPARE(m_window->session()->selection().layer, 2);
        QCOMPARE(m_window->session()->selection().head, 2);
    }

    void knockoutsTravelInTheSessionFile()
    {
        m_window->session()->setKnockout(parseKnockout("2:1", "1", 2, 4));
        m_window->explainPanel()->setMethod(ExplainMethod::Gradient);
        QVERIFY(test::waitSettled(m_window.get()));
        QTemporaryDir dir;
        const QString path = dir.filePath("lesson.bertlens");
        QVERIFY(m_window->saveSession(path).isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray json = f.readAll();
        QVERIFY2(json.contains("\"knock_out_heads\": \"2:1\"") && json.contains("\"knock_out_ffn\": \"1\""), json.constData());
        MainWindow other;
        QVERIFY(other.openSession(path).isEmpty());
        QVERIFY(test::waitSettled(&other));
        QCOMPARE(other.session()->knockout(), m_window->session()->knockout());
        QCOMPARE(other.explainPanel()->method(), ExplainMethod::Gradient);
        QCOMPARE(other.session()->result()->knockout, m_window->session()->knockout());
        m_window->session()->setKnockout({});
        m_window->explainPanel()->setMethod(ExplainMethod::Occlusion);
        QVERIFY(test::waitSettled(m_window.get()));
    }
};

QTEST_MAIN(TestExplainWindow)
#include "test_explain_window.moc"
