#pragma once

#include "analysis/sentence_analysis.h"
#include "analysis/view_data.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <vector>

class QLabel;
class QMenu;
class QProgressBar;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;

namespace bertlens {

class AnalysisSession;
class AnalysisView;
class AttentionOverview;
class AttentionView;
class CompareView;
class ComparisonSession;
class CorpusSession;
class CorpusView;
class ExplainPanel;
class ExplainSession;
class HeadImportanceView;
class HiddenStateView;
class InputPanel;
class PredictionsPanel;
class PresenterMode;
class ProjectionView;
class MapSession;
class ProbeSession;
class ProbeView;
class SimilarityView;
class TokenStrip;
class WalkthroughView;

// Layout, menus and wiring only: numbers come from the session, pictures from the views.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    AnalysisSession *session() const { return m_session; }
    InputPanel *inputPanel() const { return m_input; }
    AttentionView *attentionView() const { return m_attention; }
    AttentionOverview *attentionOverview() const { return m_overview; }
    HiddenStateView *hiddenStateView() const { return m_hidden; }
    ProjectionView *projectionView() const { return m_projection; }
    SimilarityView *similarityView() const { return m_similarity; }
    TokenStrip *tokenStrip() const { return m_tokens; }
    PredictionsPanel *predictionsPanel() const { return m_predictions; }
    WalkthroughView *walkthroughView() const { return m_walkthrough; }
    CompareView *compareView() const { return m_compareView; }
    CorpusView *corpusView() const { return m_corpusView; }
    ComparisonSession *comparison() const { return m_comparison; }
    CorpusSession *corpus() const { return m_corpus; }
    QTabWidget *tabs() const { return m_tabs; }
    ExplainPanel *explainPanel() const { return m_explain; }
    ExplainSession *explainSession() const { return m_explainSession; }
    HeadImportanceView *headImportanceView() const { return m_importance; }
    QWidget *explainPage() const { return m_explainPage; }

    void openModel(const QString &dir);
    // head -1: the mean of the heads.
    void setLayerAndHead(int layer, int head);
    // Word-level rows instead of WordPieces in every view (View → Words instead of WordPieces).
    void setWords(bool words);
    // The attention tab's rollout and the similarity tab's centring (for --screenshot).
    void setRolloutAndCentre(bool rollout, bool centre);
    // View → Presenter mode (F5; Esc leaves).
    PresenterMode *presenterMode() const { return m_presenter; }
    void setPresenterMode(bool on);
    // Selects a token of a sentence, as a click on its chip does.
    void selectToken(int sentence, int token);
    // The last run's sentences, layer, head and word mode (saved a second after each change).
    void restoreLastSession();
    // Off for a run that must leave the user's working state alone (--screenshot).
    void setKeepsWorkingState(bool keep) { m_keepsWorkingState = keep; }
    // File → Compare with…: a second model beside the first (a folder or a Hub id).
    void compareWith(const QString &dirOrId);
    // File → Open corpus…: indexed at the current model's last layer (or reopened), then searched;
    // once the model is loaded when it is still loading.
    void openCorpus(const QString &path);
    // Nothing is computing and everything asked for is shown: the model's views, the second
    // model's comparison, the corpus, the walk-through on its tab (what --screenshot waits for).
    bool isSettled() const;
    // File → Save session / Open session (format in README.md). Opening reports a missing model
    // (and, with the window shown, offers to locate it); returns an error message or empty.
    QString saveSession(const QString &path);
    QString openSession(const QString &path);
    // Writes exactly what `bertlens-cli embed` / `attention` (with --pairs) write for the
    // sentences the window shows; layers and pooling as the CLI spells them. Runs in the
    // background; `exportFinished` reports the outcome (empty message on success).
    void exportVectors(const QString &path, const QString &layers, const QString &pooling, bool projector = false, int clusters = 0);
    void exportAttention(const QString &path, const QString &layers);
    // Saves every view as DIR/<view>.png (attention, overview, hidden, projection, similarity,
    // tokens, window; compare, corpus and walkthrough-1..7 when there is a second model, a corpus,
    // a walk-through); returns the files written.
    // The Probe tab on this labelled set, probed once the model is loaded (for --probe).
    void probe(const QString &path);
    ProbeView *probeView() const { return m_probeView; }
    ProbeSession *probeSession() const { return m_probe; }
    MapSession *maps() const { return m_maps; }
    // The Projection tab on this map (for --map).
    void setMap(MapMethod method, MapColour colour, ProjectionMode projection);
    QStringList saveScreenshots(const QString &dir, const QSize &size = QSize(1400, 900));

Q_SIGNALS:
    void exportFinished(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createWidgets();
    void createMenus();
    void connectViews();
    void connectMaps(); // main_window_maps.cpp
    void createProbe(); // main_window_probe.cpp
    void updateMap(const std::shared_ptr<const ViewData> &view);
    void connectSession();
    void retranslateUi();
    void updateStatus();
    void updateRecentMenu();
    void rememberModel(const QString &dir, bool openedFirst = true);
    void showViews();
    void followWalkthroughLink(int link);
    void fitTokensWhilePresenting();
    void maskToken(int sentence, int token);
    void applySelection();
    void askExportVectors();
    void askExportAttention();
    void askOpenSentences();
    void askOpenSession();
    void askSaveSession();
    void updateRecentSessions(const QString &path);
    void updateBusy();
    void appendSentence(const QString &text);
    void saveWorkingState();
    void createExplain();
    void connectExplain();
    void updateExplainSettings();
    void showExplanation();
    void openAttentionMap(int layer, int head);

    AnalysisSession *m_session;
    InputPanel *m_input = nullptr;
    TokenStrip *m_tokens = nullptr;
    PredictionsPanel *m_predictions = nullptr;
    QTabWidget *m_tabs = nullptr;
    AttentionView *m_attention = nullptr;
    AttentionOverview *m_overview = nullptr;
    HiddenStateView *m_hidden = nullptr;
    ProjectionView *m_projection = nullptr;
    SimilarityView *m_similarity = nullptr;
    WalkthroughView *m_walkthrough = nullptr;
    CompareView *m_compareView = nullptr;
    CorpusView *m_corpusView = nullptr;
    ComparisonSession *m_comparison = nullptr;
    CorpusSession *m_corpus = nullptr;
    MapSession *m_maps = nullptr;
    ProbeSession *m_probe = nullptr;
    ProbeView *m_probeView = nullptr;
    QString m_pendingProbe; // run once the model is loaded (for --probe)
    QString m_mapKey; // the Projection tab's map, while it is UMAP or t-SNE
    ExplainSession *m_explainSession = nullptr;
    ExplainPanel *m_explain = nullptr;
    HeadImportanceView *m_importance = nullptr;
    QWidget *m_explainPage = nullptr; // the Explain tab: the panel above the head-importance map
    std::vector<AnalysisView *> m_views; // in tab order
    QLabel *m_modelLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_cancel = nullptr;
    QMenu *m_fileMenu, *m_recentMenu, *m_viewMenu, *m_helpMenu;
    QAction *m_openAction, *m_openDefaultAction, *m_exportVectorsAction, *m_exportAttentionAction, *m_quitAction, *m_aboutAction;
    QAction *m_bf16Action = nullptr;
    QAction *m_presenterAction, *m_zoomInAction, *m_zoomOutAction, *m_zoomResetAction;
    PresenterMode *m_presenter = nullptr;
    QSplitter *m_splitter = nullptr; // tokens and predictions above the tabs
    QScrollArea *m_tokenScroll = nullptr;
    QSplitter *m_topSplitter = nullptr; // tokens | predictions
    QByteArray m_splitterState, m_topSplitterState; // before presenting, until restored
    QSize m_normalSize;
    QMenu *m_examplesMenu = nullptr;
    QElapsedTimer m_downloadClock;
    QString m_downloadNotice; // the download's last notice: which file, a retry
    QElapsedTimer m_corpusClock; // since the corpus began indexing, for the time left
    QAction *m_wordsAction;
    QAction *m_openSentencesAction;
    QAction *m_compareAction, *m_closeCompareAction, *m_openCorpusAction, *m_openSessionAction, *m_saveSessionAction;
    QMenu *m_recentSessionsMenu = nullptr;
    ViewSelection m_selection;
    std::shared_ptr<const AnalysisResult> m_shownResult; // the analysis before the newest, for what changed
    QString m_lastError;
    QTimer *m_saveState = nullptr; // saveWorkingState, a second after a change
    bool m_keepsWorkingState = true;
    QString m_pendingCorpus; // opened once the model is loaded
    bool m_compareWanted = false;
    bool m_keepTab = false; // a session's tab stays when its second model and corpus arrive
};

} // namespace bertlens
