#include "main_window.h"

#include "accessibility.h"
#include "default_model.h"
#include "dialogs/open_model_dialog.h"
#include "example_sets.h"
#include "language_menu.h"
#include "presenter_mode.h"

#include "panels/input_panel.h"
#include "panels/predictions_panel.h"
#include "panels/token_strip.h"
#include "session/analysis_session.h"
#include "session/comparison_session.h"
#include "session/corpus_session.h"
#include "session/probe_session.h"
#include "session/explain_session.h"
#include "views/attention_overview.h"
#include "views/attention_view.h"
#include "views/compare_view.h"
#include "views/corpus_view.h"
#include "views/hidden_state_view.h"
#include "views/projection_view.h"
#include "views/similarity_view.h"
#include "views/view_style.h"
#include "views/walkthrough_view.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include <utility>
#include <QToolButton>

namespace bertlens {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_session(new AnalysisSession(this))
{
    installAccessibility();
    createWidgets();
    createMenus();
    connectViews();
    connectMaps();
    connectSession();
    connectExplain();
    retranslateUi();
    resize(1400, 900);
    m_input->setFocus(); // a teacher types first
}

void MainWindow::createWidgets()
{
    m_input = new InputPanel(this);
    auto *dock = new QDockWidget(this);
    dock->setObjectName("input");
    dock->setWidget(m_input);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_tokens = new TokenStrip(this);
    m_tokenScroll = new QScrollArea(this);
    m_tokenScroll->setWidget(m_tokens);
    m_tokenScroll->setWidgetResizable(true);
    m_tokenScroll->setMinimumHeight(70);
    m_tabs = new QTabWidget(this);
    m_attention = new AttentionView(this);
    m_overview = new AttentionOverview(this);
    m_hidden = new HiddenStateView(this);
    m_projection = new ProjectionView(this);
    m_similarity = new SimilarityView(this);
    m_views = {m_attention, m_overview, m_hidden, m_projection, m_similarity};
    for (AnalysisView *view : m_views)
        m_tabs->addTab(view, QString());
    m_comparison = new ComparisonSession(m_session);
    m_corpus = new CorpusSession(m_session);
    m_compareView = new CompareView(this);
    m_corpusView = new CorpusView(m_corpus, this);
    m_walkthrough = new WalkthroughView(this);
    for (QWidget *tab : std::initializer_list<QWidget *>{m_compareView, m_corpusView, m_walkthrough})
        m_tabs->addTab(tab, QString());
    createExplain();
    createProbe();
    m_predictions = new PredictionsPanel(this);
    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->addWidget(m_tokenScroll);
    m_topSplitter->addWidget(m_predictions);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 2);
    m_topSplitter->setSizes({640, 420});
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_topSplitter);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({290, 560});
    setCentralWidget(m_splitter);
    // The predictions stay while presenting when there is a [MASK] to predict (fitTokensWhilePresenting).
    m_presenter = new PresenterMode(this, {dock, menuBar(), statusBar()});

    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName("modelLabel");
    m_stateLabel = new QLabel(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setVisible(false);
    statusBar()->addWidget(m_modelLabel, 1);
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_cancel);
}

// User intents from the panels and views become a new selection (or new inputs).
void MainWindow::connectViews()
{
    m_saveState = new QTimer(this);
    m_saveState->setSingleShot(true);
    m_saveState->setInterval(1000);
    connect(m_saveState, &QTimer::timeout, this, &MainWindow::saveWorkingState);
    connect(m_input, &InputPanel::inputsChanged, this, [this] {
        m_session->setInputs(m_input->inputs());
        m_saveState->start();
    });
    connect(m_input, &InputPanel::layerChanged, this, [this](int layer) {
        m_selection.layer = layer;
        applySelection();
    });
    connect(m_tokens, &TokenStrip::tokenClicked, this, &MainWindow::selectToken);
    connect(m_tokens, &TokenStrip::tokenDoubleClicked, this, &MainWindow::maskToken);
    connect(m_tokens, &TokenStrip::heightChanged, this, &MainWindow::fitTokensWhilePresenting);
    // Presenting, the pointer shows the class a token: the one under it is selected in every view.
    connect(m_tokens, &TokenStrip::tokenHovered, this, [this](int sentence, int token) {
        if (m_presenter->isActive())
            selectToken(sentence, token);
    });
    connect(m_attention, &AttentionView::rolloutChanged, this, [this](bool rollout) {
        m_selection.rollout = rollout;
        applySelection();
    });
    connect(m_attention, &AttentionView::headChanged, this, [this](int head) {
        m_selection.head = head;
        applySelection();
    });
    connect(m_attention, &AttentionView::hideSpecialColumnsChanged, this, [this](bool hide) {
        m_selection.hideSpecialColumns = hide;
        applySelection();
    });
    auto selectInSentence = [this](int token) { selectToken(m_selection.sentence, token); };
    connect(m_attention, &AttentionView::tokenActivated, this, selectInSentence);
    connect(m_hidden, &HiddenStateView::tokenActivated, this, selectInSentence);
    connect(m_overview, &AttentionOverview::mapActivated, this, &MainWindow::openAttentionMap);
    connect(m_projection, &ProjectionView::modeChanged, this, [this](ProjectionMode mode) {
        m_selection.projection = mode;
        applySelection();
    });
    connect(m_projection, &ProjectionView::tokenActivated, this, &MainWindow::selectToken);
    connect(m_similarity, &SimilarityView::modeChanged, this, [this](SimilarityMode mode) {
        m_selection.similarity = mode;
        applySelection();
    });
    auto setPooling = [this](Pooling p) {
        m_selection.pooling = p;
        applySelection();
    };
    connect(m_projection, &ProjectionView::poolingChanged, this, setPooling);
    connect(m_similarity, &SimilarityView::otherSentenceChanged, this, [this](int sentence) {
        m_selection.otherSentence = sentence;
        applySelection();
    });
    connect(m_similarity, &SimilarityView::centreChanged, this, [this](bool centre) {
        if (centre == m_selection.centre)
            return;
        m_selection.centre = centre;
        applySelection();
    });
    connect(m_similarity, &SimilarityView::poolingChanged, this, setPooling);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const bool walkthrough = m_tabs->currentWidget() == m_walkthrough;
        m_session->setWalkthroughWanted(walkthrough);
        if (walkthrough)
            m_walkthrough->setFocus(); // → / ← and the clicker's keys step
    });
    connect(m_walkthrough, &WalkthroughView::layerRequested, m_input, &InputPanel::setLayer);
    connect(m_compareView, &CompareView::layerChanged, m_comparison, &ComparisonSession::setLayer);
    connect(m_corpusView, &CorpusView::openRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open corpus"), QString(), tr("Text files (*.txt *.tsv);;All files (*)"));
        if (!path.isEmpty())
            openCorpus(path);
    });
    connect(m_corpusView, &CorpusView::searchRequested, m_corpus, &CorpusSession::searchText);
    connect(m_corpusView, &CorpusView::lineChosen, this, &MainWindow::appendSentence);
    connect(m_walkthrough, &WalkthroughView::linkActivated, this, [this](WalkthroughView::Link link) { followWalkthroughLink(int(link)); });
}

// A walk-through page's link: the other view, showing what the page showed (its token, layer, head).
void MainWindow::followWalkthroughLink(int link)
{
    const auto w = m_session->walkthrough();
    if (!w)
        return;
    switch (WalkthroughView::Link(link)) {
    case WalkthroughView::Link::Attention:
        m_selection.head = w->request.head;
        m_selection.rollout = false;
        if (m_selection.layer != w->request.layer)
            m_input->setLayer(w->request.layer);
        selectToken(m_selection.sentence, w->request.token);
        m_tabs->setCurrentWidget(m_attention);
        break;
    case WalkthroughView::Link::HiddenStates:
        selectToken(m_selection.sentence, w->request.token);
        m_tabs->setCurrentWidget(m_hidden);
        break;
    case WalkthroughView::Link::Projection:
        selectToken(m_selection.sentence, w->request.token);
        m_tabs->setCurrentWidget(m_projection);
        break;
    }
}

// The session's outcomes become what the window shows.
void MainWindow::connectSession()
{
    connect(m_cancel, &QToolButton::clicked, m_session, &AnalysisSession::cancel);
    connect(m_cancel, &QToolButton::clicked, m_corpus, &CorpusSession::cancel);
    connect(m_cancel, &QToolButton::clicked, m_explainSession, &ExplainSession::cancel);
    connect(m_cancel, &QToolButton::clicked, m_probe, &ProbeSession::cancel);
    connect(m_comparison, &ComparisonSession::comparisonChanged, this, [this] {
        m_compareView->showComparison(m_comparison->comparison(), QString::fromStdString(m_session->modelSummary().name),
                                      QString::fromStdString(m_comparison->modelSummary().name));
    });
    connect(m_comparison, &ComparisonSession::modelLoaded, this, [this](const QString &dir) {
        rememberModel(dir, false);
        m_compareView->setLayerCount(m_comparison->modelSummary().numLayers);
        m_closeCompareAction->setEnabled(true);
        if (!m_keepTab)
            m_tabs->setCurrentWidget(m_compareView);
    });
    connect(m_comparison, &ComparisonSession::failed, this, [this](const QString &message) {
        m_lastError = message;
        updateStatus();
    });
    connect(m_corpus, &CorpusSession::opened, this, [this] {
        m_corpusView->showCorpus();
        if (!m_keepTab)
            m_tabs->setCurrentWidget(m_corpusView);
        if (m_selection.token >= 0)
            m_corpus->searchToken(m_selection.sentence, m_selection.token);
    });
    connect(m_corpus, &CorpusSession::hitsChanged, m_corpusView, &CorpusView::showHits);
    connect(m_corpus, &CorpusSession::projectionChanged, m_corpusView, &CorpusView::showCorpus);
    connect(m_corpusView, &CorpusView::mapRequested, m_corpus, [this](MapMethod method, int seed) { m_corpus->setMap(method, uint64_t(seed)); });
    connect(m_corpusView, &CorpusView::clustersRequested, m_corpus, &CorpusSession::setClusters);
    connect(m_corpusView, &CorpusView::stopRequested, m_corpus, &CorpusSession::stopMap);
    connect(m_corpus, &CorpusSession::failed, this, [this](const QString &message) {
        m_lastError = message;
        updateStatus();
        if (isVisible())
            QMessageBox::warning(this, tr("Cannot open the corpus"), message);
    });
    connect(m_corpus, &CorpusSession::progress, this, [this](qlonglong done, qlonglong total) {
        m_busy->setRange(0, total > 0 ? 1000 : 0);
        m_busy->setValue(total > 0 ? int(1000 * done / total) : 0);
        const double seconds = m_corpusClock.elapsed() / 1000.0;
        const double left = done > 0 && total > done ? seconds * double(total - done) / double(done) : 0;
        m_stateLabel->setText(left >= 60 ? tr("Indexing the corpus: %1%, about %2 min left").arg(total > 0 ? 100 * done / total : 0).arg(int(left / 60 + 0.5))
                                         : tr("Indexing the corpus: %1%, about %2 s left").arg(total > 0 ? 100 * done / total : 0).arg(int(left + 0.5)));
    });
    connect(m_comparison, &ComparisonSession::busyChanged, this, &MainWindow::updateBusy);
    connect(m_corpus, &CorpusSession::busyChanged, this, &MainWindow::updateBusy);
    connect(m_input, &InputPanel::windowChanged, m_session, &AnalysisSession::setLongInputWindow);
    connect(m_session, &AnalysisSession::modelLoaded, this, [this](const QString &dir) {
        rememberModel(dir);
        m_input->setLayerCount(m_session->modelSummary().numLayers);
        m_input->setLayer(std::min(m_selection.layer, m_session->modelSummary().numLayers));
        m_input->setMaskToken(QString::fromStdString(m_session->modelSummary().maskToken));
        m_lastError.clear();
        updateStatus();
        if (!m_pendingCorpus.isEmpty())
            openCorpus(QString(m_pendingCorpus)); // a copy: openCorpus clears the member
        if (!m_pendingProbe.isEmpty())
            m_probe->run(std::exchange(m_pendingProbe, QString()), Pooling::Mean, 5);
    });
    connect(m_session, &AnalysisSession::modelLoadFailed, this, [this](const QString &dir, const QString &message) {
        m_lastError = message;
        updateStatus();
        const bool fromHub = isHubSource(dir);
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Cannot open model"),
                                    (fromHub ? tr("BertLens could not download the model %1 from the Hugging Face Hub.\n\n%2")
                                             : tr("BertLens could not open the model folder\n%1\n\n%2"))
                                        .arg(dir, message),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        // A network that failed may work a minute later; what was downloaded is kept and resumed.
        if (fromHub)
            connect(box->addButton(tr("Retry"), QMessageBox::AcceptRole), &QPushButton::clicked, this, [this, dir] { openModel(dir); });
        box->setEscapeButton(QMessageBox::Ok); // with Retry beside it, Esc would otherwise close nothing
        box->open(); // window-modal, without blocking the event loop
    });
    connect(m_session, &AnalysisSession::analysisFailed, this, [this](const QString &message) {
        m_lastError = message;
        updateStatus();
    });
    connect(m_session, &AnalysisSession::resultChanged, this, [this] {
        m_lastError.clear();
        const auto result = m_session->result();
        m_tokens->setResult(result);
        // A [MASK] just typed is what the user waits for: its sentence and token are selected, so
        // the predictions and the lens show it with the other views.
        if (const int s = result ? sentenceWithNewMask(m_shownResult.get(), *result) : -1; s >= 0)
            selectToken(s, result->sentences[size_t(s)].masks.front().index);
        m_shownResult = result;
        if (m_corpus->isOpen() && m_selection.token >= 0) // the token's vector may have changed
            m_corpus->searchToken(m_selection.sentence, m_selection.token);
        updateStatus();
    });
    connect(m_session, &AnalysisSession::viewDataChanged, this, &MainWindow::showViews);
    connect(m_session, &AnalysisSession::walkthroughChanged, this, [this] { m_walkthrough->showWalkthrough(m_session->walkthrough()); });
    connect(m_session, &AnalysisSession::busyChanged, this, &MainWindow::updateBusy);
    connect(m_session, &AnalysisSession::modelLoadStarted, this, [this] {
        m_downloadClock.start();
        m_downloadNotice.clear();
    });
    connect(m_session, &AnalysisSession::downloadNotice, this, [this](const QString &line) {
        m_downloadNotice = line;
        m_stateLabel->setText(tr("Downloading %1: %2").arg(m_session->loadingModel(), line));
    });
    connect(m_session, &AnalysisSession::progress, this, [this](qlonglong done, qlonglong total) {
        // Ranges are int: scale byte counts of big files down to per-mille.
        m_busy->setRange(0, total > 0 ? 1000 : 0);
        m_busy->setValue(total > 0 ? int(1000 * done / total) : 0);
        if (m_session->isDownloading() && total > 0) {
            const double seconds = std::max(0.001, m_downloadClock.elapsed() / 1000.0), rate = done / seconds;
            m_stateLabel->setText(tr("Downloading %1, %6: %2 of %3 MB, %4 MB/s, about %5 s left")
                                      .arg(m_session->loadingModel()).arg(done / 1e6, 0, 'f', 1).arg(total / 1e6, 0, 'f', 1)
                                      .arg(rate / 1e6, 0, 'f', 1).arg(rate > 0 ? (total - done) / rate : 0, 0, 'f', 0)
                                      .arg(m_downloadNotice));
        }
    });
    connect(m_session, &AnalysisSession::exportFinished, this, [this](const QString &path, const QString &error) {
        if (!error.isEmpty() && isVisible())
            QMessageBox::warning(this, tr("Export failed"), error);
        statusBar()->showMessage(error.isEmpty() ? tr("Exported %1").arg(path) : error, 8000);
        Q_EMIT exportFinished(path, error);
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), this, [this] {
        OpenModelDialog dialog(QSettings().value("recentModels").toStringList(), this);
        if (dialog.exec() == QDialog::Accepted)
            openModel(dialog.choice());
    });
    m_openAction->setShortcut(QKeySequence::Open);
    m_openDefaultAction = m_fileMenu->addAction(QString(), this, [this] { openModel(defaultModelDir()); });
    m_openDefaultAction->setEnabled(!defaultModelDir().isEmpty());
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_openSentencesAction = m_fileMenu->addAction(QString(), this, &MainWindow::askOpenSentences);
    m_examplesMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_compareAction = m_fileMenu->addAction(QString(), this, [this] {
        OpenModelDialog dialog(QSettings().value("recentModels").toStringList(), this);
        if (dialog.exec() == QDialog::Accepted)
            compareWith(dialog.choice());
    });
    m_closeCompareAction = m_fileMenu->addAction(QString(), m_comparison, &ComparisonSession::close);
    m_closeCompareAction->setEnabled(false);
    connect(m_closeCompareAction, &QAction::triggered, this, [this] {
        m_closeCompareAction->setEnabled(false);
        m_compareWanted = false;
    });
    m_openCorpusAction = m_fileMenu->addAction(QString(), m_corpusView, &CorpusView::openRequested);
    m_fileMenu->addSeparator();
    m_openSessionAction = m_fileMenu->addAction(QString(), this, &MainWindow::askOpenSession);
    m_saveSessionAction = m_fileMenu->addAction(QString(), this, &MainWindow::askSaveSession);
    m_saveSessionAction->setShortcut(QKeySequence::Save);
    m_recentSessionsMenu = m_fileMenu->addMenu(QString());
    updateRecentSessions(QString());
    m_fileMenu->addSeparator();
    m_exportVectorsAction = m_fileMenu->addAction(QString(), this, &MainWindow::askExportVectors);
    m_exportAttentionAction = m_fileMenu->addAction(QString(), this, &MainWindow::askExportAttention);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_wordsAction = m_viewMenu->addAction(QString(), this, [this](bool words) {
        m_selection.words = words;
        applySelection();
    });
    m_wordsAction->setCheckable(true);
    m_bf16Action = m_viewMenu->addAction(QString(), this, [this](bool fast) {
        QSettings().setValue("precision", fast ? "bf16" : "fp32");
        m_session->setPrecision(fast ? Precision::BFloat16 : Precision::Float32);
    });
    m_bf16Action->setCheckable(true);
    m_bf16Action->setEnabled(cpuHasBf16());
    m_bf16Action->setChecked(cpuHasBf16() && QSettings().value("precision").toString() == "bf16");
    m_session->setPrecision(m_bf16Action->isChecked() ? Precision::BFloat16 : Precision::Float32);
    m_viewMenu->addSeparator();
    m_presenterAction = m_viewMenu->addAction(QString(), this, &MainWindow::setPresenterMode);
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(Qt::Key_F5);
    m_zoomInAction = m_viewMenu->addAction(QString(), m_presenter, &PresenterMode::zoomIn);
    m_zoomInAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOutAction = m_viewMenu->addAction(QString(), m_presenter, &PresenterMode::zoomOut);
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_zoomResetAction = m_viewMenu->addAction(QString(), m_presenter, &PresenterMode::resetZoom);
    m_zoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    // The menu bar is hidden while presenting: the window itself keeps the shortcuts.
    for (QAction *a : {m_presenterAction, m_zoomInAction, m_zoomOutAction, m_zoomResetAction}) {
        addAction(a);
        a->setEnabled(a == m_presenterAction);
    }
    auto *leave = new QShortcut(Qt::Key_Escape, this);
    connect(leave, &QShortcut::activated, this, [this] { setPresenterMode(false); });
    connect(m_presenter, &PresenterMode::changed, this, [this] {
        showViews(); // the colour scales of the new look
        m_walkthrough->showWalkthrough(m_session->walkthrough());
        // Again once every widget has the new font (the predictions' size follows it).
        QTimer::singleShot(0, this, [this] {
            if (m_presenter->isActive())
                fitTokensWhilePresenting();
        });
    });
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(new LanguageMenu(this));
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About BertLens"),
                           tr("<b>BertLens</b><br>Look inside BERT models: tokens, every layer's hidden states, every "
                              "head's attention, projections and similarities."));
    });
    updateRecentMenu();
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("BertLens"));
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open model…"));
    m_openAction->setToolTip(tr("BertLens Mini, a model of the Hugging Face cache or Hub, or a folder"));
    m_openDefaultAction->setText(tr("Open BertLens &Mini (the built-in model)"));
    m_recentMenu->setTitle(tr("Recent models"));
    m_openSentencesAction->setText(tr("Open &sentences…"));
    m_examplesMenu->setTitle(tr("&Examples for a lesson"));
    m_examplesMenu->clear();
    for (const ExampleSet &set : exampleSets())
        m_examplesMenu->addAction(set.title, this, [this, set] { m_input->setText(set.sentences, set.pairs); });
    m_openSentencesAction->setToolTip(tr("A text file, one sentence per line; TEXT_A<TAB>TEXT_B for a pair"));
    m_compareAction->setText(tr("&Compare with…"));
    m_compareAction->setToolTip(tr("A second model: the same sentences through both, compared in the Compare tab"));
    m_closeCompareAction->setText(tr("Close the second model"));
    m_openCorpusAction->setText(tr("Open co&rpus…"));
    m_openCorpusAction->setToolTip(tr("A text file to search by meaning and to see as a whole, in the Corpus tab"));
    m_openSessionAction->setText(tr("Open sess&ion…"));
    m_saveSessionAction->setText(tr("Save sessio&n…"));
    m_recentSessionsMenu->setTitle(tr("Recent sessions"));
    m_exportVectorsAction->setText(tr("Export &vectors…"));
    m_exportAttentionAction->setText(tr("Export &attention…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_wordsAction->setText(tr("&Words instead of WordPieces"));
    m_wordsAction->setToolTip(tr("Attention, hidden states, projection and similarity by word: pieces merged, Chinese "
                                 "characters grouped into words with jieba's dictionary where it is installed"));
    m_bf16Action->setText(tr("&Fast arithmetic (bfloat16)"));
    m_presenterAction->setText(tr("&Presenter mode"));
    m_presenterAction->setToolTip(tr("Full screen, large fonts, high contrast, side panels hidden; the token under the "
                                     "pointer is selected in every view. Esc leaves."));
    m_zoomInAction->setText(tr("Zoom &in (presenter mode)"));
    m_zoomOutAction->setText(tr("Zoom &out (presenter mode)"));
    m_zoomResetAction->setText(tr("&Reset zoom (presenter mode)"));
    m_bf16Action->setToolTip(cpuHasBf16() ? tr("Matrix products in bfloat16: about 2.5 times faster; every vector within "
                                                "cosine 0.999 of the exact one. Off: exact float32.")
                                          : tr("This CPU has no bfloat16 instructions: BertLens computes in exact float32."));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About BertLens"));
    m_cancel->setText(tr("Cancel"));
    const QStringList titles = {tr("Attention"), tr("Attention overview"), tr("Hidden states"), tr("Projection"),
                                tr("Similarity"), tr("Compare"), tr("Corpus"), tr("Walk-through"), tr("Explain"), tr("Probe")};
    for (int i = 0; i < titles.size(); ++i)
        m_tabs->setTabText(i, titles[i]);
    if (auto *dock = findChild<QDockWidget *>("input"))
        dock->setWindowTitle(tr("Input"));
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::rememberModel(const QString &dir, bool openedFirst)
{
    QSettings settings;
    QStringList recent = settings.value("recentModels").toStringList();
    recent.removeAll(dir);
    recent.prepend(dir);
    settings.setValue("recentModels", recent.mid(0, 8));
    if (openedFirst) // the model the next start opens; a second model only joins Recent
        settings.setValue("lastModel", dir);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &dir : QSettings().value("recentModels").toStringList())
        m_recentMenu->addAction(dir, this, [this, dir] { openModel(dir); });
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::updateStatus()
{
    if (m_session->hasModel()) {
        const ModelSummary &m = m_session->modelSummary();
        m_modelLabel->setText(tr("%1 — %2 layers, %3 heads, hidden size %4, %5 M parameters (%6)")
                                  .arg(QString::fromStdString(m.name)).arg(m.numLayers).arg(m.numHeads).arg(m.hiddenSize)
                                  .arg(m.parameters / 1e6, 0, 'f', 1).arg(QString::fromStdString(m.weightsDtype))
                              + (m.precision == "bf16" ? tr(", computed in bfloat16") : QString())
                              + (m_session->knockout().empty() ? QString()
                                                                : tr(" — knocked out: %1").arg(knockoutLabel(m_session->knockout()))));
    } else {
        m_modelLabel->setText(tr("No model: File → Open model…"));
    }
    // Sentences longer than the model reads are said as plainly as the note on extra lines: pairs
    // are cut; single sentences are shown one overlapping window at a time, chosen below the note.
    QStringList cut, windowed;
    int limit = 0, windows = 1;
    if (const auto r = m_session->result())
        for (size_t s = 0; s < r->sentences.size(); ++s) {
            const Encoding &e = r->sentences[s].encoding;
            if (e.truncated) {
                cut << tr("sentence %1 (%2 of its %3 tokens)").arg(s + 1).arg(e.size()).arg(e.untruncatedLength);
                limit = e.size();
            } else if (e.windows > 1) {
                windowed << tr("sentence %1 (%2 tokens: window %3 of %4)").arg(s + 1).arg(e.untruncatedLength).arg(e.window + 1).arg(e.windows);
                windows = std::max(windows, e.windows);
            }
        }
    const auto listed = [this](const QStringList &items) {
        return items.mid(0, 3).join(tr(", ")) + (items.size() > 3 ? tr(" and %n more", nullptr, int(items.size() - 3)) : QString());
    };
    QStringList notes;
    if (!cut.isEmpty())
        notes << tr("The model reads at most %1 tokens: only the first are shown of %2.").arg(limit).arg(listed(cut));
    if (!windowed.isEmpty())
        notes << tr("The model reads at most %1 tokens at a time: shown in overlapping windows, %2.")
                     .arg(m_session->modelSummary().maxLength)
                     .arg(listed(windowed));
    m_input->setCutNote(notes.join(' '));
    m_input->setWindows(windows, m_session->longInputWindow());
    if (!m_lastError.isEmpty())
        m_stateLabel->setText(tr("Error: %1").arg(m_lastError));
    else if (m_session->isBusy())
        m_stateLabel->setText(tr("Computing…"));
    else if (auto r = m_session->result(); r && m_input->lineCount() > int(r->sentences.size()))
        m_stateLabel->setText(tr("%1 of %2 sentences (the window takes at most %3)")
                                  .arg(r->sentences.size()).arg(m_input->lineCount()).arg(InputPanel::kMaxSentences));
    else if (r)
        m_stateLabel->setText(tr("%n sentence(s)", nullptr, int(r->sentences.size())));
    else
        m_stateLabel->clear();
    m_openAction->setEnabled(true);
}

void MainWindow::openModel(const QString &dir) { m_session->loadModel(dir); }

void MainWindow::setWords(bool words)
{
    m_wordsAction->setChecked(words);
    m_selection.words = words;
    applySelection();
}

void MainWindow::setRolloutAndCentre(bool rollout, bool centre)
{
    m_selection.rollout = rollout;
    m_selection.centre = centre;
    applySelection();
}

void MainWindow::setLayerAndHead(int layer, int head)
{
    m_selection.layer = layer;
    m_selection.head = head;
    applySelection();
}

void MainWindow::selectToken(int sentence, int token)
{
    m_selection.sentence = sentence;
    m_selection.token = token;
    m_tokens->setSelected(sentence, token);
    applySelection();
    if (m_corpus->isOpen())
        m_corpus->searchToken(sentence, token);
}

void MainWindow::updateBusy()
{
    const bool busy = m_session->isBusy() || m_corpus->isBusy() || m_comparison->isBusy() || m_explainSession->isBusy() || m_probe->isBusy();
    m_busy->setVisible(busy);
    if (!busy || (!m_corpus->isBusy() && !m_probe->isBusy()))
        m_busy->setRange(0, 0);
    m_cancel->setVisible(busy);
    m_exportVectorsAction->setEnabled(!m_session->isExporting());
    m_exportAttentionAction->setEnabled(!m_session->isExporting());
    updateStatus();
}

void MainWindow::applySelection()
{
    m_session->setSelection(m_selection);
    updateExplainSettings();
    m_saveState->start();
}

void MainWindow::maskToken(int sentence, int token)
{
    const auto result = m_session->result();
    if (!result || sentence >= int(result->sentences.size()))
        return;
    const Encoding &e = result->sentences[size_t(sentence)].encoding;
    if (token < 0 || token >= e.size() || e.specialMask[size_t(token)])
        return;
    const QString mask = QString::fromStdString(m_session->modelSummary().maskToken);
    if (mask.isEmpty())
        return; // the model's vocabulary has no mask token
    const auto [start, end] = e.offsets[size_t(token)];
    m_input->replaceInSentence(sentence, e.typeIds[size_t(token)] == 1, start, end, mask);
    m_selection.sentence = sentence;
}

void MainWindow::showViews()
{
    const auto result = m_session->result();
    const auto view = m_session->viewData();
    if (!result || !view)
        return;
    for (AnalysisView *v : m_views)
        v->showData({*result, *view});
    updateMap(view);
    m_predictions->showSentence(result, view->selection.sentence, m_session->intactResult());
    if (m_presenter->isActive())
        fitTokensWhilePresenting(); // the predictions come and go with the [MASK]
    updateStatus();
}

} // namespace bertlens
