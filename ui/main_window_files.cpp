// MainWindow's File actions and persistence: sentences from files, exports, screenshots, and the
// last session's state. Layout and wiring are in main_window.cpp.
#include "main_window.h"

#include "dialogs/export_dialog.h"
#include "export/layer_selection.h"
#include "panels/input_panel.h"
#include "panels/token_strip.h"
#include "session/analysis_session.h"
#include "views/walkthrough_view.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>

namespace bertlens {

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    // What the user was looking at comes back on the next start.
    QSettings settings;
    settings.setValue("sentences", m_input->sentencesText());
    settings.setValue("pairs", m_input->pairsText());
    settings.setValue("layer", m_selection.layer);
    settings.setValue("head", m_selection.head);
    settings.setValue("words", m_selection.words);
    event->accept();
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

void MainWindow::exportVectors(const QString &path, const QString &layers, const QString &pooling)
{
    AnalysisSession::ExportRequest request;
    request.path = path;
    try {
        const int numLayers = m_session->modelSummary().numLayers;
        request.layers = parseHiddenLayers(layers.toStdString(), numLayers);
        request.pooling = parsePooling(pooling.toStdString());
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
    } catch (const std::exception &e) {
        Q_EMIT exportFinished(path, QString::fromUtf8(e.what()));
        return;
    }
    m_session->startExport(request);
}

void MainWindow::askExportVectors()
{
    ExportVectorsDialog dialog(m_session->modelSummary().numLayers, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export vectors"), "vectors.csv",
                                                      tr("CSV files (*.csv);;NumPy arrays (*.npy)"));
    if (!path.isEmpty())
        exportVectors(path, dialog.layers(), poolingName(dialog.pooling()));
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
    m_tabs->setCurrentIndex(current);
    save(m_tokens, "tokens");
    save(this, "window");
    return written;
}

} // namespace bertlens
