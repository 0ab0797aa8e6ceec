// MainWindow's Probe tab: which layer knows the labels of a labelled set (ProbeSession, ProbeView).
#include "main_window.h"

#include "session/analysis_session.h"
#include "session/probe_session.h"
#include "views/probe_view.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QProgressBar>
#include <QTabWidget>

namespace bertlens {

void MainWindow::createProbe()
{
    m_probe = new ProbeSession(m_session);
    m_probeView = new ProbeView(this);
    m_tabs->addTab(m_probeView, QString());
    connect(m_probeView, &ProbeView::runRequested, m_probe, &ProbeSession::run);
    connect(m_probeView, &ProbeView::stopRequested, m_probe, &ProbeSession::cancel);
    connect(m_probeView, &ProbeView::openRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open labelled set"), QString(),
                                                          tr("Labelled lines (*.tsv *.txt);;All files (*)"));
        if (!path.isEmpty())
            m_probeView->addSetFile(path);
    });
    connect(m_probe, &ProbeSession::finished, this, [this] { m_probeView->showResult(m_probe->result(), m_probe->path(), m_probe->lines()); });
    connect(m_probe, &ProbeSession::busyChanged, this, [this](bool busy) {
        m_probeView->setBusy(busy);
        updateBusy();
    });
    connect(m_probe, &ProbeSession::progress, this, [this](qlonglong done, qlonglong total) {
        m_busy->setRange(0, total > 0 ? int(total) : 0);
        m_busy->setValue(int(done));
    });
    connect(m_probe, &ProbeSession::failed, this, [this](const QString &message) {
        m_lastError = message;
        updateStatus();
        if (isVisible())
            QMessageBox::warning(this, tr("Cannot probe the set"), message);
    });
}

void MainWindow::probe(const QString &path)
{
    m_probeView->addSetFile(path);
    m_tabs->setCurrentWidget(m_probeView);
    if (m_session->hasModel() && !m_session->isLoading())
        m_probe->run(path, Pooling::Mean, 5);
    else
        m_pendingProbe = path; // run when the model has loaded
}

} // namespace bertlens
