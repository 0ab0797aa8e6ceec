#include "main_window.h"

#include "default_model.h"
#include "language.h"

#include "export/export_jobs.h"
#include "io/text_source.h"
#include "panels/input_panel.h"
#include "panels/token_strip.h"
#include "session/analysis_session.h"
#include "views/attention_overview.h"
#include "views/attention_view.h"
#include "views/hidden_state_view.h"
#include "views/projection_view.h"
#include "views/similarity_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace bertlens {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_session(new AnalysisSession(this))
{
    m_input = new InputPanel(this);
    auto *dock = new QDockWidget(this);
    dock->setObjectName("input");
    dock->setWidget(m_input);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_tokens = new TokenStrip(this);
    auto *tokenScroll = new QScrollArea(this);
    tokenScroll->setWidget(m_tokens);
    tokenScroll->setWidgetResizable(true);
    tokenScroll->setMinimumHeight(70);
    m_tabs = new QTabWidget(this);
    m_attention = new AttentionView(this);
    m_overview = new AttentionOverview(this);
    m_hidden = new HiddenStateView(this);
    m_projection = new ProjectionView(this);
    m_similarity = new SimilarityView(this);
    for (QWidget *view : std::initializer_list<QWidget *>{m_attention, m_overview, m_hidden, m_projection, m_similarity})
        m_tabs->addTab(view, QString());
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tokenScroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({130, 700});
    setCentralWidget(splitter);

    m_modelLabel = new QLabel(this);
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
    createMenus();

    connect(m_cancel, &QToolButton::clicked, m_session, &AnalysisSession::cancel);
    connect(m_input, &InputPanel::inputsChanged, this, [this] { m_session->setInputs(m_input->inputs()); });
    connect(m_input, &InputPanel::layerChanged, this, [this](int layer) {
        m_selection.layer = layer;
        applySelection();
    });
    connect(m_tokens, &TokenStrip::tokenClicked, this, &MainWindow::selectToken);
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
    connect(m_overview, &AttentionOverview::mapActivated, this, [this](int layer, int head) {
        m_selection.head = head;
        m_input->setLayer(layer); // emits layerChanged, which applies the selection
        applySelection();
        m_tabs->setCurrentWidget(m_attention);
    });
    connect(m_projection, &ProjectionView::modeChanged, this, [this](ProjectionMode mode) {
        m_selection.projection = mode;
        applySelection();
    });
    connect(m_projection, &ProjectionView::poolingChanged, this, [this](Pooling p) {
        m_selection.pooling = p;
        applySelection();
    });
    connect(m_projection, &ProjectionView::tokenActivated, this, &MainWindow::selectToken);
    connect(m_similarity, &SimilarityView::modeChanged, this, [this](SimilarityMode mode) {
        m_selection.similarity = mode;
        applySelection();
    });
    connect(m_similarity, &SimilarityView::poolingChanged, this, [this](Pooling p) {
        m_selection.pooling = p;
        applySelection();
    });

    connect(m_session, &AnalysisSession::modelLoaded, this, [this](const QString &dir) {
        QSettings settings;
        QStringList recent = settings.value("recentModels").toStringList();
        recent.removeAll(dir);
        recent.prepend(dir);
        settings.setValue("recentModels", recent.mid(0, 8));
        settings.setValue("lastModel", dir);
        updateRecentMenu();
        m_input->setLayerCount(m_session->modelSummary().numLayers);
        m_input->setLayer(std::min(m_selection.layer, m_session->modelSummary().numLayers));
        m_lastError.clear();
        updateStatus();
    });
    connect(m_session, &AnalysisSession::modelLoadFailed, this, [this](const QString &dir, const QString &message) {
        m_lastError = message;
        updateStatus();
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Cannot open model"),
                                    tr("BertLens could not open the model folder\n%1\n\n%2").arg(dir, message),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // window-modal, without blocking the event loop
    });
    connect(m_session, &AnalysisSession::analysisFailed, this, [this](const QString &message) {
        m_lastError = message;
        updateStatus();
    });
    connect(m_session, &AnalysisSession::resultChanged, this, [this] {
        m_lastError.clear();
        m_tokens->setResult(m_session->result());
        updateStatus();
    });
    connect(m_session, &AnalysisSession::viewDataChanged, this, &MainWindow::showViews);
    connect(m_session, &AnalysisSession::busyChanged, this, [this](bool busy) {
        m_busy->setVisible(busy);
        m_cancel->setVisible(busy);
        updateStatus();
    });
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QString error = m_exportWatcher.result();
        const QString path = m_exportWatcher.property("path").toString();
        m_exportVectorsAction->setEnabled(true);
        m_exportAttentionAction->setEnabled(true);
        if (!error.isEmpty() && isVisible())
            QMessageBox::warning(this, tr("Export failed"), error);
        statusBar()->showMessage(error.isEmpty() ? tr("Exported %1").arg(path) : error, 8000);
        Q_EMIT exportFinished(path, error);
    });

    retranslateUi();
    resize(1400, 900);
}

MainWindow::~MainWindow()
{
    if (m_exportCancel)
        m_exportCancel->cancel();
    m_exportWatcher.waitForFinished();
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open model folder"),
                                                              QSettings().value("lastModel").toString());
        if (!dir.isEmpty())
            openModel(dir);
    });
    m_openAction->setShortcut(QKeySequence::Open);
    m_openDefaultAction = m_fileMenu->addAction(QString(), this, [this] { openModel(defaultModelDir()); });
    m_openDefaultAction->setEnabled(!defaultModelDir().isEmpty());
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_exportVectorsAction = m_fileMenu->addAction(QString(), this, &MainWindow::askExportVectors);
    m_exportAttentionAction = m_fileMenu->addAction(QString(), this, &MainWindow::askExportAttention);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *languages = new QActionGroup(this);
    // Each language is named in itself; only "system language" is translated.
    for (const auto &[code, name] : {std::pair<QString, QString>{"", QString()}, {"en", "English"}, {"zh_CN", QString::fromUtf8("中文（简体）")}}) {
        QAction *action = m_languageMenu->addAction(name);
        action->setCheckable(true);
        action->setData(code);
        languages->addAction(action);
        if (code.isEmpty())
            m_systemLanguageAction = action;
        connect(action, &QAction::triggered, this, [code] {
            QSettings().setValue("language", code);
            applyLanguage(code);
        });
    }
    const QString saved = QSettings().value("language").toString();
    for (QAction *action : languages->actions())
        action->setChecked(action->data().toString() == saved);
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
    m_openAction->setText(tr("&Open model folder…"));
    m_openDefaultAction->setText(tr("Open BertLens &Mini (the built-in model)"));
    m_recentMenu->setTitle(tr("Recent models"));
    m_exportVectorsAction->setText(tr("Export &vectors…"));
    m_exportAttentionAction->setText(tr("Export &attention…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("Language"));
    m_systemLanguageAction->setText(tr("System language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About BertLens"));
    m_cancel->setText(tr("Cancel"));
    const QStringList titles = {tr("Attention"), tr("Attention overview"), tr("Hidden states"), tr("Projection"), tr("Similarity")};
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    event->accept();
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
                                  .arg(m.parameters / 1e6, 0, 'f', 1).arg(QString::fromStdString(m.weightsDtype)));
    } else {
        m_modelLabel->setText(tr("No model: File → Open model folder…"));
    }
    if (!m_lastError.isEmpty())
        m_stateLabel->setText(tr("Error: %1").arg(m_lastError));
    else if (m_session->isBusy())
        m_stateLabel->setText(tr("Computing…"));
    else if (auto r = m_session->result())
        m_stateLabel->setText(tr("%n sentence(s)", nullptr, int(r->sentences.size())));
    else
        m_stateLabel->clear();
    m_openAction->setEnabled(true);
}

void MainWindow::openModel(const QString &dir) { m_session->loadModel(dir); }

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
}

void MainWindow::applySelection() { m_session->setSelection(m_selection); }

void MainWindow::showViews()
{
    const auto result = m_session->result();
    const auto view = m_session->viewData();
    if (!result || !view)
        return;
    m_attention->showData(*result, *view);
    m_overview->showSentence(*result, view->selection.sentence);
    m_hidden->showData(*result, *view);
    m_projection->showData(*view);
    m_similarity->showData(*view);
    updateStatus();
}

void MainWindow::runExport(const QString &path, ExportWork work)
{
    const auto model = m_session->model();
    if (!model) {
        Q_EMIT exportFinished(path, tr("No model is loaded."));
        return;
    }
    if (m_exportWatcher.isRunning())
        return;
    // The sentences as the input panel lists them: the same lines given to bertlens-cli give
    // the same file, byte for byte.
    std::vector<std::string> texts;
    for (const auto &in : m_input->inputs())
        texts.push_back(in.text);
    m_exportVectorsAction->setEnabled(false);
    m_exportAttentionAction->setEnabled(false);
    m_exportWatcher.setProperty("path", path);
    statusBar()->showMessage(tr("Exporting to %1…").arg(path));
    auto cancel = std::make_shared<CancelToken>();
    m_exportCancel = cancel;
    m_exportWatcher.setFuture(QtConcurrent::run([work, model, texts, cancel]() -> QString {
        try {
            StringListSource source(texts);
            work(*model, source, cancel.get());
            return {};
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        }
    }));
}

void MainWindow::exportVectors(const QString &path, const QString &layers, const QString &pooling)
{
    ExportJob job;
    job.output = path.toStdString();
    job.layers = layers.toStdString();
    job.pooling = pooling.toStdString();
    runExport(path, [job](const LoadedModel &model, TextSource &source, const CancelToken *cancel) {
        ExportJob j = job;
        j.cancel = cancel;
        bertlens::exportEmbeddings(model, source, j);
    });
}

void MainWindow::exportAttention(const QString &path, const QString &layers)
{
    ExportJob job;
    job.output = path.toStdString();
    job.layers = layers.toStdString();
    runExport(path, [job](const LoadedModel &model, TextSource &source, const CancelToken *cancel) {
        ExportJob j = job;
        j.cancel = cancel;
        bertlens::exportAttention(model, source, j);
    });
}

void MainWindow::askExportVectors()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export vectors"));
    auto *form = new QFormLayout(&dialog);
    auto *layers = new QLineEdit("all", &dialog);
    layers->setToolTip(tr("all, -1 (last), or a list such as 0,4,12"));
    auto *pooling = new QComboBox(&dialog);
    pooling->addItem(tr("None: one row per token"), "none");
    pooling->addItem(tr("[CLS] vector"), "cls");
    pooling->addItem(tr("Mean of tokens"), "mean");
    pooling->addItem(tr("Max of tokens"), "max");
    form->addRow(tr("Layers"), layers);
    form->addRow(tr("Pooling"), pooling);
    form->addRow(new QLabel(tr("The file has the columns of bertlens-cli embed.")));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export vectors"), "vectors.csv",
                                                      tr("CSV files (*.csv);;NumPy arrays (*.npy)"));
    if (!path.isEmpty())
        exportVectors(path, layers->text().trimmed(), pooling->currentData().toString());
}

void MainWindow::askExportAttention()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export attention"), "attention.csv", tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportAttention(path, "all");
}

QStringList MainWindow::saveScreenshots(const QString &dir, const QSize &size)
{
    QDir().mkpath(dir);
    resize(size);
    QStringList written;
    auto save = [&](QWidget *w, const QString &name) {
        const QString path = QDir(dir).filePath(name + ".png");
        if (w->grab().save(path))
            written << path;
    };
    const int current = m_tabs->currentIndex();
    const QStringList names = {"attention", "overview", "hidden", "projection", "similarity"};
    for (int i = 0; i < names.size(); ++i) {
        m_tabs->setCurrentIndex(i);
        QApplication::sendPostedEvents();
        save(m_tabs->currentWidget(), names[i]);
    }
    m_tabs->setCurrentIndex(current);
    save(m_tokens, "tokens");
    save(this, "window");
    return written;
}

} // namespace bertlens
