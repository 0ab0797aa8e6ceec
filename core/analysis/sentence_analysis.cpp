#include "analysis/sentence_analysis.h"

#include "analysis/tensor_matrix.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"

#include <ATen/ATen.h>

#include <cstring>

namespace bertlens {

namespace {

// The window's sink: every layer and head of every sentence, as matrices.
class AnalysisCollector : public SentenceSink {
public:
    AnalysisCollector(const LoadedModel &model, AnalysisResult &result, const ChineseSegmenter *segmenter)
        : m_model(model), m_result(result), m_segmenter(segmenter)
    {
    }
    bool needsAttentions() const override { return true; }

    void add(const SentenceResult &r) override
    {
        SentenceAnalysis s;
        s.input = r.input;
        s.encoding = r.encoding;
        for (int64_t l = 0; l < r.output.hidden.size(0); ++l)
            s.hidden.push_back(toMatrix(r.output.hidden[l]));
        s.attention.resize(size_t(r.output.attentions.size(0)));
        for (int64_t l = 0; l < r.output.attentions.size(0); ++l)
            for (int64_t h = 0; h < r.output.attentions.size(1); ++h)
                s.attention[size_t(l)].push_back(toMatrix(r.output.attentions[l][h]));
        if (m_model.mlmHead)
            s.masks = predictMasks(m_model, r.encoding, r.output, kPredictions, true);
        s.words = groupWords(r.encoding, m_segmenter);
        m_result.sentences.push_back(std::move(s));
    }

private:
    static constexpr int kPredictions = 10;
    const LoadedModel &m_model;
    AnalysisResult &m_result;
    const ChineseSegmenter *m_segmenter;
};

} // namespace

std::shared_ptr<const AnalysisResult> analyseSentences(const LoadedModel &model, const std::vector<SentenceInput> &inputs,
                                                       const CancelToken *cancel, const ProgressFn &progress,
                                                       const ChineseSegmenter *segmenter, const Knockout &knockout,
                                                       int longWindow)
{
    auto result = std::make_shared<AnalysisResult>();
    result->knockout = knockout;
    result->numLayers = model.config.numLayers;
    result->numHeads = model.config.numHeads;
    result->hiddenSize = model.config.hiddenSize;
    result->sentences.reserve(inputs.size());
    InputList source(inputs);
    result->mlmHeadMissing = model.mlmHead ? std::string() : model.mlmHeadMissing;
    result->maskToken = model.tokenizer->maskToken();
    AnalysisCollector collector(model, *result, segmenter);
    PipelineOptions options;
    options.cancel = cancel;
    options.progress = progress;
    options.knockout = knockout;
    result->longWindow = longWindow;
    if (longWindow >= 0) {
        options.longInputs = LongInputs::OneWindow;
        options.window = longWindow;
        options.stride = defaultStride(*model.tokenizer, model.maxLength);
    }
    runPipeline(model, source, collector, options);
    return result;
}

int sentenceWithNewMask(const AnalysisResult *previous, const AnalysisResult &current)
{
    if (!previous)
        return -1;
    for (size_t i = 0; i < current.sentences.size(); ++i) {
        const size_t before = i < previous->sentences.size() ? previous->sentences[i].masks.size() : 0;
        if (current.sentences[i].masks.size() > before)
            return int(i);
    }
    return -1;
}

} // namespace bertlens
