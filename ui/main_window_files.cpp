// MainWindow's File actions and persistence: sentences from files, exports, screenshots, and the
// last session's state. Layout and wiring are in main_window.cpp.
#include "main_window.h"

#include "dialogs/export_dialog.h"
#include "export/layer_selection.h"
#include "panels/explain_panel.h"
#include "panels/input_panel.h"
#include "panels/token_strip.h"
#include "session/analysis_session.h"
#include "session/comparison_session.h"
#include "session/corpus_session.h"
#include "session/map_session.h"
#include "session/probe_session.h"
#include "views/probe_view.h"
#include "session/explain_session.h"
#include "session_file.h"
#include "hub/hub_cache.h"
#include "common/small_file.h"
#include "views/walkthrough_view.h"
#include "views/compare_view.h"
#include "views/corpus_view.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QFileInfo>
#include <QMenu>
#include <QSaveFile>

namespace bertlens {

namespace {
constexpr size_t kMaxSessionBytes = 16 << 20; // sentences of a lesson, never more than a few kB
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    saveWorkingState();
    event->accept();
}

// What the user was looking at comes back on the next start — also after a logout or a kill, as
// an editor's unsaved buffer does: written a second after each change, not only on closing.
void MainWindow::saveWorkingState()
{
    if (!m_keepsWorkingState)
        return;
    QSettings settings;
    settings.setValue("sentences", m_input->sentencesText());
    settings.setValue("pairs", m_input->pairsText());
    settings.setValue("layer", m_selection.layer);
    settings.setValue("head", m_selection.head);
    settings.setValue("words", m_selection.words);
    settings.sync();
}

void MainWindow::restoreLastSession()
{
    QSettings settings;
    if (settings.contains("sentences") && !settings.value("sentences").toString().trimmed().isEmpty())
        m_input->setText(settings.value("sentences").toString(), settings.value("pairs").toString());
    m_selection.layer = settings.value("layer", 0).toInt();
    m_selection.head = settings.value("head", -1).toInt();
    m_selection.words = settings.value("words", false).toBool();
    m_wordsAction->setChecked(m_selection.words);
    m_input->setLayer(m_selection.layer);
    applySelection();
}

void MainWindow::askOpenSentences()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open sentences"), QString(), tr("Text files (*.txt *.tsv);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = m_input->loadFile(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open the sentences"), error);
}

void MainWindow::exportVectors(const QString &path, const QString &layers, const QString &pooling, bool projector, int clusters)
{
    AnalysisSession::ExportRequest request;
    request.path = path;
    request.projector = projector;
    request.clusters = clusters;
    try {
        const int numLayers = m_session->modelSummary().numLayers;
        request.layers = parseHiddenLayers(layers.toStdString(), numLayers);
        request.pooling = parsePooling(pooling.toStdString());
        request.words = m_selection.words; // what the window shows
    } catch (const std::exception &e) {
        Q_EMIT exportFinished(path, QString::fromUtf8(e.what()));
        return;
    }
    m_session->startExport(request);
}

void MainWindow::exportAttention(const QString &path, const QString &layers)
{
    AnalysisSession::ExportRequest request;
    request.kind = AnalysisSession::ExportRequest::Kind::Attention;
    request.path = path;
    try {
        request.layers = parseAttentionLayers(layers.toStdString(), m_session->modelSummary().numLayers);
        request.words = m_selection.words;
    } catch (const std::exception &e) {
        Q_EMIT exportFinished(path, QString::fromUtf8(e.what()));
        return;
    }
    m_session->startExport(request);
}

void MainWindow::askExportVectors()
{
    ExportVectorsDialog dialog(m_session->modelSummary().numLayers, m_selection.words, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto format = dialog.format();
    const QString path = format == ExportVectorsDialog::Format::Projector
                             ? QFileDialog::getSaveFileName(this, tr("Export for the Embedding Projector: a folder"), "projector", QString(),
                                                            nullptr, QFileDialog::DontConfirmOverwrite)
                         : format == ExportVectorsDialog::Format::Npy
                             ? QFileDialog::getSaveFileName(this, tr("Export vectors"), "vectors.npy", tr("NumPy arrays (*.npy)"))
                             : QFileDialog::getSaveFileName(this, tr("Export vectors"), "vectors.csv", tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportVectors(path, dialog.layers(), poolingName(dialog.pooling()), format == ExportVectorsDialog::Format::Projector,
                      dialog.clusters());
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
    if (m_comparison->comparison()) {
        m_tabs->setCurrentWidget(m_compareView);
        QApplication::sendPostedEvents();
        save(m_compareView, "compare");
    }
    if (m_corpus->isOpen()) {
        m_tabs->setCurrentWidget(m_corpusView);
        QApplication::sendPostedEvents();
        save(m_corpusView, "corpus");
    }
    if (m_probe->result()) {
        m_tabs->setCurrentWidget(m_probeView);
        QApplication::sendPostedEvents();
        save(m_probeView, "probe");
    }
    if (m_session->walkthrough()) {
        m_tabs->setCurrentWidget(m_walkthrough);
        const int step = m_walkthrough->step();
        for (int i = 0; i < WalkthroughView::kSteps; ++i) {
            m_walkthrough->setStep(i);
            QApplication::sendPostedEvents();
            save(m_walkthrough, "walkthrough-" + QString::number(i + 1));
        }
        m_walkthrough->setStep(step);
    }
    if (m_explainSession->explanation()) {
        m_tabs->setCurrentWidget(m_explainPage);
        QApplication::sendPostedEvents();
        save(m_explainPage, "explain");
    }
    m_tabs->setCurrentIndex(current);
    save(m_tokens, "tokens");
    save(this, "window");
    return written;
}

void MainWindow::compareWith(const QString &dirOrId)
{
    m_compareWanted = true;
    m_keepTab = false;
    m_comparison->loadModel(dirOrId);
}

void MainWindow::openCorpus(const QString &path)
{
    m_keepTab = false;
    if (!m_session->hasModel() || m_session->isLoading()) {
        m_pendingCorpus = path; // the corpus is indexed with the model being loaded
        return;
    }
    m_pendingCorpus.clear();
    m_corpusClock.start();
    m_corpus->open(path);
}

bool MainWindow::isSettled() const
{
    return m_session->viewData() && !m_session->isBusy() && !m_comparison->isBusy() && !m_corpus->isBusy() && !m_maps->isRunning() && !m_probe->isBusy()
           && m_pendingProbe.isEmpty()
           && !m_explainSession->isBusy()
           && m_pendingCorpus.isEmpty() && (!m_compareWanted || m_comparison->comparison())
           && (m_tabs->currentWidget() != m_walkthrough || m_session->walkthrough())
           && (m_tabs->currentWidget() != m_explainPage || m_explainSession->explanation()
               || !m_explainSession->unavailableReason().isEmpty());
}

void MainWindow::appendSentence(const QString &text)
{
    const QString current = m_input->sentencesText();
    m_input->setText(current.trimmed().isEmpty() ? text : current.trimmed() + "\n" + text, m_input->pairsText());
}

QString MainWindow::saveSession(const QString &path)
{
    SessionState state;
    state.model = m_session->modelSource();
    // A model of the Hugging Face cache is kept as its id, which any machine can resolve.
    if (const std::string repo = hubRepoOfSnapshot(state.model.toStdString()); !repo.empty())
        state.model = QString::fromStdString(repo);
    state.compareModel = m_comparison->hasModel() ? m_comparison->modelDir() : QString();
    state.compareLayer = m_comparison->layer();
    state.corpus = m_corpus->path();
    state.sentences = m_input->sentencesText();
    state.pairs = m_input->pairsText();
    state.selection = m_selection;
    state.tab = m_tabs->currentIndex();
    state.walkthroughStep = m_walkthrough->step();
    state.knockout = m_session->knockout();
    state.explainMethod = explainMethodName(m_explain->method());
    state.explainTarget = m_explain->target() == TargetKind::Mask ? "mask" : "similarity";
    QSaveFile file(path); // written to a temporary file and renamed
    if (!file.open(QIODevice::WriteOnly) || file.write(writeSession(state)) < 0 || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    updateRecentSessions(path);
    return {};
}

QString MainWindow::openSession(const QString &path)
{
    SessionState state;
    try {
        state = readSession(QByteArray::fromStdString(readSmallFile(path.toStdString(), kMaxSessionBytes)), path);
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    QString model = state.model;
    QString problem;
    if (!model.isEmpty() && !QFileInfo(model).isDir() && !isHubModelId(model.toStdString())) {
        problem = tr("The session's model folder %1 no longer exists.").arg(model);
        model.clear();
        if (isVisible() && QMessageBox::question(this, tr("Model not found"), problem + "\n\n" + tr("Locate it?")) == QMessageBox::Yes) {
            model = QFileDialog::getExistingDirectory(this, tr("Locate the model folder"));
            if (!model.isEmpty())
                problem.clear();
        }
    }
    m_input->setText(state.sentences, state.pairs);
    m_selection = state.selection;
    m_wordsAction->setChecked(m_selection.words);
    m_input->setLayer(m_selection.layer);
    m_tokens->setSelected(m_selection.sentence, m_selection.token);
    m_session->setInputs(m_input->inputs());
    m_session->setKnockout(state.knockout);
    if (!state.explainMethod.isEmpty())
        m_explain->setMethod(parseExplainMethod(state.explainMethod.toStdString()));
    if (!state.explainTarget.isEmpty())
        m_explain->setTarget(state.explainTarget == "similarity" ? TargetKind::Similarity : TargetKind::Mask);
    applySelection();
    if (!model.isEmpty())
        openModel(model);
    if (!state.compareModel.isEmpty()) {
        m_comparison->setLayer(state.compareLayer);
        compareWith(state.compareModel);
    }
    if (!state.corpus.isEmpty())
        openCorpus(state.corpus);
    m_tabs->setCurrentIndex(std::clamp(state.tab, 0, m_tabs->count() - 1));
    m_keepTab = true;
    m_walkthrough->setStep(state.walkthroughStep);
    updateRecentSessions(path);
    if (!problem.isEmpty()) {
        m_lastError = problem;
        updateStatus();
    }
    return problem;
}

void MainWindow::askSaveSession()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save session"), "session.bertlens", tr("BertLens sessions (*.bertlens)"));
    if (path.isEmpty())
        return;
    const QString error = saveSession(path.endsWith(".bertlens") ? path : path + ".bertlens");
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot save the session"), error);
}

void MainWindow::askOpenSession()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), QString(), tr("BertLens sessions (*.bertlens);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = openSession(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open the session"), error);
}

void MainWindow::updateRecentSessions(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value("recentSessions").toStringList();
    if (!path.isEmpty()) {
        recent.removeAll(path);
        recent.prepend(path);
        recent = recent.mid(0, 8);
        settings.setValue("recentSessions", recent);
    }
    m_recentSessionsMenu->clear();
    for (const QString &p : recent)
        m_recentSessionsMenu->addAction(p, this, [this, p] {
            const QString error = openSession(p);
            if (!error.isEmpty() && isVisible())
                QMessageBox::warning(this, tr("Cannot open the session"), error);
        });
    m_recentSessionsMenu->setEnabled(!recent.isEmpty());
}

} // namespace bertlens
