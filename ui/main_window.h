#pragma once

#include "analysis/view_data.h"
#include "common/cancel.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace bertlens {

class AnalysisSession;
struct LoadedModel;
class TextSource;
class AttentionOverview;
class AttentionView;
class HiddenStateView;
class InputPanel;
class ProjectionView;
class SimilarityView;
class TokenStrip;

// Layout, menus and wiring only: numbers come from the session, pictures from the views.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    AnalysisSession *session() const { return m_session; }
    InputPanel *inputPanel() const { return m_input; }
    AttentionView *attentionView() const { return m_attention; }
    AttentionOverview *attentionOverview() const { return m_overview; }
    HiddenStateView *hiddenStateView() const { return m_hidden; }
    ProjectionView *projectionView() const { return m_projection; }
    SimilarityView *similarityView() const { return m_similarity; }
    TokenStrip *tokenStrip() const { return m_tokens; }

    void openModel(const QString &dir);
    // head -1: the mean of the heads.
    void setLayerAndHead(int layer, int head);
    // Writes exactly what `bertlens-cli embed` / `attention` write for the current sentences.
    // Runs in the background; `finished` reports the outcome (empty message on success).
    void exportVectors(const QString &path, const QString &layers, const QString &pooling);
    void exportAttention(const QString &path, const QString &layers);
    // Saves every view as DIR/<view>.png (attention, overview, hidden, projection, similarity,
    // tokens, window); returns the files written.
    QStringList saveScreenshots(const QString &dir, const QSize &size = QSize(1400, 900));

Q_SIGNALS:
    void exportFinished(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void retranslateUi();
    void updateStatus();
    void updateRecentMenu();
    void showViews();
    void selectToken(int sentence, int token);
    void applySelection();
    void askExportVectors();
    void askExportAttention();
    using ExportWork = std::function<void(const LoadedModel &, TextSource &, const CancelToken *)>;
    void runExport(const QString &path, ExportWork work);

    AnalysisSession *m_session;
    InputPanel *m_input;
    TokenStrip *m_tokens;
    QTabWidget *m_tabs;
    AttentionView *m_attention;
    AttentionOverview *m_overview;
    HiddenStateView *m_hidden;
    ProjectionView *m_projection;
    SimilarityView *m_similarity;
    QLabel *m_modelLabel;
    QLabel *m_stateLabel;
    QProgressBar *m_busy;
    QToolButton *m_cancel;
    QMenu *m_fileMenu, *m_recentMenu, *m_viewMenu, *m_languageMenu, *m_helpMenu;
    QAction *m_systemLanguageAction = nullptr;
    QAction *m_openAction, *m_openDefaultAction, *m_exportVectorsAction, *m_exportAttentionAction, *m_quitAction, *m_aboutAction;
    ViewSelection m_selection;
    QFutureWatcher<QString> m_exportWatcher;
    std::shared_ptr<CancelToken> m_exportCancel;
    QString m_lastError;
};

} // namespace bertlens
