#include "session/explain_session.h"

#include "model/loaded_model.h"
#include "session/analysis_session.h"

namespace bertlens {

ExplainSession::ExplainSession(AnalysisSession *session)
    : QObject(session), m_session(session), m_explainer(session->interactivePool()), m_importer(session->interactivePool())
{
    for (JobRunner *runner : {&m_explainer, &m_importer}) {
        connect(runner, &JobRunner::runningChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
        connect(runner, &JobRunner::progress, this, &ExplainSession::progress);
        connect(runner, &JobRunner::failed, this, &ExplainSession::failed);
    }
    // New inputs, a new model or new knock-outs: the analysis delivers them together.
    connect(session, &AnalysisSession::resultChanged, this, [this] {
        m_importance.reset();
        Q_EMIT importanceChanged();
        explain();
    });
}

ExplainSession::~ExplainSession() { cancel(); }

void ExplainSession::cancel()
{
    m_explainer.cancel();
    m_importer.cancel();
}

void ExplainSession::setSettings(const ExplainSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    explain();
}

void ExplainSession::setActive(bool active)
{
    m_active = active;
    explain();
}

bool ExplainSession::requestOf(const ExplainSettings &settings, ExplainRequest &request, QString *why,
                               std::vector<int> *sentences) const
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    const auto result = m_session->result();
    if (!m_session->model() || !result)
        return fail(tr("Open a model and type a sentence."));
    const int count = int(result->sentences.size());
    if (settings.sentence < 0 || settings.sentence >= count)
        return fail(tr("Type a sentence to explain."));
    const SentenceAnalysis &s = result->sentences[size_t(settings.sentence)];
    request.kind = settings.kind;
    request.text = s.input;
    request.knockout = m_session->knockout();
    request.maxLength = m_session->model()->maxLength;
    if (settings.kind == TargetKind::Mask) {
        if (!result->mlmHeadMissing.empty())
            return fail(tr("This model has no masked-language-model head: nothing to predict."));
        if (s.masks.empty())
            return fail(tr("Sentence %1 has no %2: type one, or double-click a token.")
                            .arg(settings.sentence + 1)
                            .arg(QString::fromStdString(result->maskToken)));
        if (sentences)
            *sentences = {settings.sentence};
        request.maskPosition = s.masks.front().index;
        for (const MaskPrediction &m : s.masks)
            if (m.index == settings.maskPosition)
                request.maskPosition = m.index;
        return true;
    }
    if (count < 2)
        return fail(tr("Type a second sentence to explain a similarity."));
    const int other = settings.otherSentence >= 0 && settings.otherSentence < count && settings.otherSentence != settings.sentence
                          ? settings.otherSentence
                          : (settings.sentence + 1) % count;
    request.other = result->sentences[size_t(other)].input;
    if (sentences)
        *sentences = {settings.sentence, other};
    request.pooling = settings.pooling == Pooling::None ? Pooling::Mean : settings.pooling;
    request.layer = settings.layer;
    return true;
}

QString ExplainSession::unavailableReason() const
{
    ExplainRequest request;
    QString why;
    return requestOf(m_settings, request, &why) ? QString() : why;
}

void ExplainSession::explain()
{
    ExplainRequest request;
    std::vector<int> sentences;
    if (!m_active || !requestOf(m_settings, request, nullptr, &sentences)) {
        m_explainer.cancel();
        return;
    }
    const auto result = m_session->result();
    if (m_explanation && m_explanation->settings == m_settings && m_explainedResult.lock() == result && !m_explainer.isRunning())
        return; // shown already (the tab was left and entered again)
    m_explainedResult = result;
    m_explainer.start([this, model = m_session->model(), result, sentences, request,
                       settings = m_settings](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        auto e = std::make_shared<Explanation>();
        e->settings = settings;
        e->sentences = sentences;
        e->attribution = attribute(*model, request, settings.method, kDefaultIntegrationSteps, &cancel, progress);
        // Words as the analysis grouped them (Chinese by the dictionary), where the tokens agree.
        for (size_t text = 0; text < e->attribution.scores.size(); ++text) {
            const Encoding &encoding = e->attribution.encodings[text];
            WordGroups groups = groupWords(encoding);
            if (text < sentences.size() && result->sentences[size_t(sentences[text])].encoding.tokens == encoding.tokens)
                groups = result->sentences[size_t(sentences[text])].words;
            e->words.push_back(groups.labels);
            e->wordScores.push_back(wordScores(e->attribution.scores[text], groups));
        }
        if (request.kind == TargetKind::Mask)
            e->token = model->tokenizer->vocab().token(e->attribution.tokenId);
        if (!request.knockout.empty()) {
            ExplainRequest intact = request;
            intact.knockout = {};
            intact.tokenId = e->attribution.tokenId; // the same token's probability before
            e->before = targetValue(*model, intact);
        }
        return [this, e = std::shared_ptr<const Explanation>(e)] {
            m_explanation = e;
            Q_EMIT explanationChanged();
        };
    });
}

void ExplainSession::computeImportance()
{
    ExplainRequest request;
    QString why;
    std::vector<int> sentences;
    if (!requestOf(m_settings, request, &why, &sentences)) {
        Q_EMIT failed(why);
        return;
    }
    m_importer.start([this, model = m_session->model(), request, sentences,
                      settings = m_settings](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        auto map = std::make_shared<ImportanceMap>();
        map->settings = settings;
        map->sentences = sentences;
        map->importance = headImportance(*model, request, &cancel, progress);
        if (request.kind == TargetKind::Mask)
            map->token = model->tokenizer->vocab().token(map->importance.tokenId);
        return [this, map = std::shared_ptr<const ImportanceMap>(map)] {
            m_importance = map;
            Q_EMIT importanceChanged();
        };
    });
}

} // namespace bertlens
