// MainWindow's Explain tab and knock-outs: which tokens move a target (the Explain panel), what
// each head contributes (the head-importance map below it), and the heads and FFN blocks switched
// off everywhere — from the overview's clicks, the panel's fields, or a session file.
#include "main_window.h"

#include "panels/explain_panel.h"
#include "panels/input_panel.h"
#include "session/analysis_session.h"
#include "session/explain_session.h"
#include "views/attention_overview.h"
#include "views/attention_view.h"
#include "views/head_importance_view.h"

#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>

namespace bertlens {

void MainWindow::createExplain()
{
    m_explainSession = new ExplainSession(m_session);
    auto *page = new QSplitter(Qt::Vertical, this);
    m_explain = new ExplainPanel(page);
    m_importance = new HeadImportanceView(page);
    page->addWidget(m_explain);
    page->addWidget(m_importance);
    page->setStretchFactor(1, 1);
    m_explainPage = page;
    m_tabs->addTab(page, QString());
}

void MainWindow::connectExplain()
{
    connect(m_explain, &ExplainPanel::settingsChanged, this, &MainWindow::updateExplainSettings);
    connect(m_explain, &ExplainPanel::knockoutEdited, m_session, &AnalysisSession::setKnockout);
    connect(m_explain, &ExplainPanel::importanceRequested, m_explainSession, &ExplainSession::computeImportance);
    connect(m_overview, &AttentionOverview::knockoutToggled, this, [this](int layer, int head) {
        Knockout k = m_session->knockout();
        if (head < 0)
            k.ffn.count(layer) ? void(k.ffn.erase(layer)) : void(k.ffn.insert(layer));
        else
            k.heads.count({layer, head}) ? void(k.heads.erase({layer, head})) : void(k.heads.insert({layer, head}));
        m_session->setKnockout(k);
    });
    connect(m_overview, &AttentionOverview::knockoutResetRequested, this, [this] { m_session->setKnockout({}); });
    connect(m_session, &AnalysisSession::knockoutChanged, this, [this] {
        m_explain->setKnockout(m_session->knockout(), m_session->modelSummary().numLayers, m_session->modelSummary().numHeads);
        updateStatus();
        m_saveState->start();
    });
    connect(m_session, &AnalysisSession::modelLoaded, this, [this] {
        m_explain->setKnockout(m_session->knockout(), m_session->modelSummary().numLayers, m_session->modelSummary().numHeads);
    });
    connect(m_session, &AnalysisSession::resultChanged, this, [this] {
        if (const auto r = m_session->result())
            m_explain->setSentenceCount(int(r->sentences.size()));
        updateExplainSettings();
        showExplanation();
    });
    connect(m_explainSession, &ExplainSession::explanationChanged, this, &MainWindow::showExplanation);
    connect(m_explainSession, &ExplainSession::importanceChanged, this, [this] {
        m_importance->showImportance(m_explainSession->importance(), m_session->knockout());
    });
    connect(m_importance, &HeadImportanceView::headActivated, this, &MainWindow::openAttentionMap);
    connect(m_explainSession, &ExplainSession::failed, this, [this](const QString &message) {
        m_lastError = message;
        updateStatus();
    });
    connect(m_explainSession, &ExplainSession::busyChanged, this, &MainWindow::updateBusy);
    connect(m_explainSession, &ExplainSession::progress, this, [this](qlonglong done, qlonglong total) {
        m_busy->setRange(0, total > 0 ? 1000 : 0);
        m_busy->setValue(total > 0 ? int(1000 * done / total) : 0);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { m_explainSession->setActive(m_tabs->currentWidget() == m_explainPage); });
}

// The panel's method and target, on the window's selection: its sentence, its [MASK] when the
// selected token is one, the similarity view's pooling and the selected layer.
void MainWindow::updateExplainSettings()
{
    ExplainSettings s;
    s.method = m_explain->method();
    s.kind = m_explain->target();
    s.sentence = m_selection.sentence;
    s.maskPosition = m_selection.token;
    s.otherSentence = m_explain->otherSentence();
    s.pooling = m_selection.pooling;
    s.layer = m_selection.layer;
    m_explainSession->setSettings(s);
    showExplanation();
}

void MainWindow::showExplanation()
{
    m_explain->showExplanation(m_explainSession->explanation(), m_explainSession->unavailableReason(), m_selection.words);
}

void MainWindow::openAttentionMap(int layer, int head)
{
    m_selection.head = head;
    m_input->setLayer(layer); // emits layerChanged, which applies the selection
    applySelection();
    m_tabs->setCurrentWidget(m_attention);
}

} // namespace bertlens
