#include "analysis/explain_target.h"

#include "analysis/pooling.h"
#include "common/error.h"
#include "model/loaded_model.h"
#include "model/knockout_hook.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

namespace bertlens {

namespace {

Encoding encodeInput(const LoadedModel &model, const SentenceInput &input, int maxLength)
{
    const int length = maxLength > 0 ? maxLength : model.maxLength;
    return input.hasPair ? model.tokenizer->encodePair(input.text, input.pair, length) : model.tokenizer->encode(input.text, length);
}

} // namespace

ExplainTarget::ExplainTarget(const LoadedModel &model, const ExplainRequest &request) : m_model(model), m_request(request)
{
    request.knockout.check(model.config.numLayers, model.config.numHeads);
    m_encodings.push_back(encodeInput(model, request.text, request.maxLength));
    if (request.kind == TargetKind::Similarity) {
        m_encodings.push_back(encodeInput(model, request.other, request.maxLength));
        if (request.layer < -1 || request.layer > model.config.numLayers)
            throw Error(ErrorKind::Usage, "layer " + std::to_string(request.layer) + " does not exist (0.."
                                              + std::to_string(model.config.numLayers) + ")");
        if (request.pooling == Pooling::None)
            throw Error(ErrorKind::Usage, "a similarity needs a pooling (cls, mean, max, mean_sqrt_len)");
        return;
    }
    if (!model.mlmHead)
        throw Error(ErrorKind::Usage, "this model cannot predict masked tokens: " + model.mlmHeadMissing);
    const Encoding &e = m_encodings[0];
    const std::vector<int> masks = e.positionsOf(TokenRole::Mask);
    if (request.maskPosition >= 0) {
        if (request.maskPosition >= e.size() || e.roles[size_t(request.maskPosition)] != TokenRole::Mask)
            throw Error(ErrorKind::Usage, "token " + std::to_string(request.maskPosition) + " of '" + request.text.text
                                              + "' is not a mask token");
        m_maskPosition = request.maskPosition;
    } else if (masks.size() != 1) {
        throw Error(ErrorKind::Usage, "'" + request.text.text + "' has " + std::to_string(masks.size()) + " "
                                          + model.tokenizer->maskToken() + " tokens; the mask target needs exactly one");
    } else {
        m_maskPosition = masks[0];
    }
    if (request.tokenId >= model.config.vocabSize)
        throw Error(ErrorKind::Usage, "token id " + std::to_string(request.tokenId) + " is outside the vocabulary");
    m_tokenId = request.tokenId;
    if (m_tokenId < 0) { // the model's top-1, with the knock-outs in place
        c10::InferenceMode inference;
        const at::Tensor hidden = hiddenState(0, *model.encoder, ids(0, 1), {}, {});
        m_tokenId = int(model.mlmHead->logits(hidden.select(1, m_maskPosition)).argmax(-1).item<int64_t>());
    }
}

int ExplainTarget::readoutLayer() const
{
    if (m_request.kind == TargetKind::Mask || m_request.layer < 0)
        return m_model.config.numLayers;
    return m_request.layer;
}

at::Tensor ExplainTarget::ids(int text, int64_t rows) const
{
    const std::vector<int> &ids = encoding(text).ids;
    return at::tensor(std::vector<int64_t>(ids.begin(), ids.end()), at::kLong).unsqueeze(0).repeat({rows, 1});
}

at::Tensor ExplainTarget::readout(const at::Tensor &hidden, const MlmHead *head) const
{
    if (m_request.kind == TargetKind::Similarity) {
        const at::Tensor mask = at::ones({hidden.size(0), hidden.size(1)}, at::kLong);
        return poolTokens(hidden, mask, m_request.pooling);
    }
    const at::Tensor logp = head->logits(hidden.select(1, m_maskPosition)).to(at::kDouble).log_softmax(-1); // [B, V]
    return logp.select(1, m_tokenId);
}

at::Tensor ExplainTarget::combine(const at::Tensor &a, const at::Tensor &b) const
{
    if (m_request.kind == TargetKind::Mask)
        return a;
    return at::cosine_similarity(a.to(at::kDouble), b.to(at::kDouble), 1, 0.0);
}

at::Tensor ExplainTarget::run(int text, const BertModel &encoder, const MlmHead *head, const at::Tensor &ids,
                              const at::Tensor &words, const ForwardOptions &options) const
{
    return readout(hiddenState(text, encoder, ids, words, options), head);
}

at::Tensor ExplainTarget::hiddenState(int text, const BertModel &encoder, const at::Tensor &ids, const at::Tensor &words,
                                      ForwardOptions options) const
{
    const Encoding &e = encoding(text);
    const int64_t rows = ids.size(0);
    const std::vector<int> &types = e.typeIds;
    Batch batch{ids, at::tensor(std::vector<int64_t>(types.begin(), types.end()), at::kLong).unsqueeze(0).repeat({rows, 1}),
                at::ones({rows, int64_t(e.size())}, at::kLong)};
    KnockoutHook knockout(m_request.knockout);
    if (!m_request.knockout.empty())
        options.hooks.insert(options.hooks.begin(), &knockout);
    options.layers = {readoutLayer()};
    options.wordEmbeddings = words;
    return encoder.forward(batch, options).hidden[0];
}

double targetValue(const LoadedModel &model, const ExplainRequest &request)
{
    c10::InferenceMode inference;
    const ExplainTarget target(model, request);
    std::vector<at::Tensor> out;
    for (int text = 0; text < target.texts(); ++text)
        out.push_back(target.run(text, *model.encoder, model.mlmHead.get(), target.ids(text, 1), {}, {}));
    return target.combine(out[0], out.size() > 1 ? out[1] : out[0]).item<double>();
}

} // namespace bertlens
