#include "session/comparison_session.h"

#include "model/loaded_model.h"
#include "session/analysis_session.h"

namespace bertlens {

namespace {

bool sameInputs(const AnalysisResult &a, const AnalysisResult &b)
{
    if (a.sentences.size() != b.sentences.size())
        return false;
    for (size_t i = 0; i < a.sentences.size(); ++i) {
        const SentenceInput &x = a.sentences[i].input, &y = b.sentences[i].input;
        if (x.text != y.text || x.pair != y.pair || x.hasPair != y.hasPair)
            return false;
    }
    return true;
}

} // namespace

// Both models run on the session's one interactive thread, one after the other: on two cores a
// second OpenMP team would only slow both down (see AnalysisSession).
ComparisonSession::ComparisonSession(AnalysisSession *session)
    : QObject(session), m_session(session), m_loader(session->interactivePool()), m_analyser(session->interactivePool()),
      m_comparer(session->interactivePool())
{
    for (JobRunner *runner : {&m_loader, &m_analyser, &m_comparer}) {
        connect(runner, &JobRunner::runningChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
        connect(runner, &JobRunner::failed, this, &ComparisonSession::failed);
    }
    connect(session, &AnalysisSession::resultChanged, this, &ComparisonSession::analyse);
    connect(session, &AnalysisSession::viewDataChanged, this, &ComparisonSession::compare);
}

ComparisonSession::~ComparisonSession()
{
    for (JobRunner *runner : {&m_loader, &m_analyser, &m_comparer})
        runner->cancel();
}

void ComparisonSession::loadModel(const QString &dirOrId)
{
    m_loader.start([this, dirOrId, precision = m_session->precision()](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        auto model = loadModelOf(dirOrId, precision, cancel, progress).second;
        return [this, model, dirOrId] {
            m_model = model;
            m_dir = dirOrId;
            m_summary = summarize(*model);
            m_result.reset();
            Q_EMIT modelLoaded(dirOrId);
            analyse();
        };
    });
}

void ComparisonSession::close()
{
    for (JobRunner *runner : {&m_loader, &m_analyser, &m_comparer})
        runner->cancel();
    m_model.reset();
    m_result.reset();
    m_comparison.reset();
    m_dir.clear();
    Q_EMIT comparisonChanged();
}

void ComparisonSession::setLayer(int layer)
{
    m_layer = layer;
    compare();
}

void ComparisonSession::analyse()
{
    const auto mine = m_session->result();
    if (!m_model || !mine)
        return;
    if (m_result && sameInputs(*m_result, *mine)) {
        compare();
        return;
    }
    std::vector<SentenceInput> inputs;
    for (const SentenceAnalysis &s : mine->sentences)
        inputs.push_back(s.input);
    m_analyser.start([this, model = m_model, inputs](const CancelToken &cancel, const ProgressFn &progress) -> JobRunner::Deliver {
        auto result = analyseSentences(*model, inputs, &cancel, progress);
        return [this, result] {
            m_result = result;
            compare();
        };
    });
}

void ComparisonSession::compare()
{
    const auto mine = m_session->result();
    if (!m_model || !mine || !m_result || !sameInputs(*mine, *m_result))
        return;
    const ViewSelection s = m_session->selection();
    m_comparer.start([this, mine, theirs = m_result, s, layer = m_layer < 0 ? s.layer : m_layer](const CancelToken &, const ProgressFn &) -> JobRunner::Deliver {
        auto comparison = std::make_shared<const ModelComparison>(compareModels(*mine, *theirs, s.sentence, s.layer, layer, s.head));
        return [this, comparison] {
            m_comparison = comparison;
            Q_EMIT comparisonChanged();
        };
    });
}

} // namespace bertlens
