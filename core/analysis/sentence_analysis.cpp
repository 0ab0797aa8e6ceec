#include "analysis/sentence_analysis.h"

#include "model/batching.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cstring>

namespace bertlens {

namespace {

Matrix toMatrix(const at::Tensor &t)
{
    const at::Tensor c = t.contiguous();
    Matrix m(int(c.size(0)), int(c.size(1)));
    std::memcpy(m.values.data(), c.data_ptr<float>(), m.values.size() * sizeof(float));
    return m;
}

} // namespace

std::shared_ptr<const AnalysisResult> analyseSentences(const LoadedModel &model, const std::vector<SentenceInput> &inputs,
                                                       const CancelToken *cancel, int batchSize)
{
    c10::InferenceMode inferenceMode;
    auto result = std::make_shared<AnalysisResult>();
    result->numLayers = model.config.numLayers;
    result->numHeads = model.config.numHeads;
    result->hiddenSize = model.config.hiddenSize;
    result->sentences.resize(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
        auto &s = result->sentences[i];
        s.input = inputs[i];
        s.encoding = inputs[i].hasPair ? model.tokenizer->encodePair(inputs[i].text, inputs[i].pair, model.maxLength)
                                       : model.tokenizer->encode(inputs[i].text, model.maxLength);
    }
    ForwardOptions options;
    options.attentions = true;
    options.cancel = cancel;
    for (size_t first = 0; first < inputs.size(); first += size_t(batchSize)) {
        if (cancel)
            cancel->throwIfCancelled();
        const size_t last = std::min(inputs.size(), first + size_t(batchSize));
        std::vector<const Encoding *> batch;
        for (size_t i = first; i < last; ++i)
            batch.push_back(&result->sentences[i].encoding);
        const ForwardResult out = model.encoder->forward(makeBatch(batch, model.tokenizer->padId()), options);
        for (size_t i = first; i < last; ++i) {
            auto &s = result->sentences[i];
            const SentenceOutput one = sentenceOf(out, int(i - first), s.encoding.size());
            for (int64_t l = 0; l < one.hidden.size(0); ++l)
                s.hidden.push_back(toMatrix(one.hidden[l]));
            s.attention.resize(size_t(one.attentions.size(0)));
            for (int64_t l = 0; l < one.attentions.size(0); ++l)
                for (int64_t h = 0; h < one.attentions.size(1); ++h)
                    s.attention[size_t(l)].push_back(toMatrix(one.attentions[l][h]));
        }
    }
    return result;
}

} // namespace bertlens
