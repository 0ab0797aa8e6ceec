#include "model/bert_model.h"

#include "common/error.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <cmath>
#include <limits>

namespace bertlens {

BertModel::BertModel(const BertConfig &config, EncoderWeights weights) : m_config(config), m_weights(std::move(weights))
{
    for (const LayerWeights &l : m_weights.layers)
        m_qkv.push_back({at::cat({l.query.weight, l.key.weight, l.value.weight}, 0),
                         at::cat({l.query.bias, l.key.bias, l.value.bias}, 0)});
}

ForwardResult BertModel::forward(const Batch &batch, const ForwardOptions &options) const
{
    c10::InferenceMode inferenceMode(!options.training);
    const int64_t b = batch.ids.size(0);
    const int64_t t = batch.ids.size(1);
    const int64_t h = m_config.hiddenSize;
    const int64_t heads = m_config.numHeads;
    const int64_t d = m_config.headSize();
    const double eps = m_config.layerNormEps;
    if (t > m_config.maxPositions)
        throw inputError("sequence of " + std::to_string(t) + " tokens exceeds max_position_embeddings "
                         + std::to_string(m_config.maxPositions));
    const int64_t maxId = batch.ids.numel() ? batch.ids.max().item<int64_t>() : 0;
    if (maxId >= m_config.vocabSize || (batch.ids.numel() && batch.ids.min().item<int64_t>() < 0))
        throw inputError("token id " + std::to_string(maxId) + " is outside the vocabulary of "
                         + std::to_string(m_config.vocabSize));
    if (batch.typeIds.numel() && batch.typeIds.max().item<int64_t>() >= m_config.typeVocabSize)
        throw inputError("token type id outside type_vocab_size " + std::to_string(m_config.typeVocabSize));

    std::vector<at::Tensor> hidden;
    std::vector<at::Tensor> attentions;
    hidden.reserve(m_weights.layers.size() + 1);

    const EncoderWeights &w = m_weights;
    at::Tensor x = at::embedding(w.wordEmbeddings, batch.ids)                    // [B,T,H]
                   + w.positionEmbeddings.slice(0, 0, t).unsqueeze(0)            // [1,T,H]
                   + at::embedding(w.typeEmbeddings, batch.typeIds);             // [B,T,H]
    const double p = options.training ? options.dropout : 0.0;
    auto dropout = [p](const at::Tensor &t) { return p > 0 ? at::dropout(t, p, true) : t; };
    x = dropout(applyNorm(x, w.embeddingNorm, eps));
    if (options.allLayers)
        hidden.push_back(x);

    // Padded keys get the most negative float added before the softmax, as HuggingFace does.
    const at::Tensor maskBias = (1.0 - batch.mask.to(at::kFloat)).mul_(std::numeric_limits<float>::lowest())
                                    .to(x.scalar_type())
                                    .view({b, 1, 1, t});                         // [B,1,1,T]
    const double scale = 1.0 / std::sqrt(double(d));
    // In-place additions below touch only results that autograd does not keep for backward.

    for (size_t i = 0; i < w.layers.size(); ++i) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const LayerWeights &layer = w.layers[i];
        const at::Tensor qkv = applyLinear(x, m_qkv[i])                          // [B,T,3H]
                                   .view({b, t, 3, heads, d})
                                   .permute({2, 0, 3, 1, 4});                    // [3,B,heads,T,d]
        const at::Tensor q = qkv[0].mul(scale);
        const at::Tensor k = qkv[1];
        const at::Tensor v = qkv[2];
        const at::Tensor scores = at::matmul(q, k.transpose(-1, -2)).add_(maskBias); // [B,heads,T,T]
        const at::Tensor probs = at::softmax(scores, -1);
        const at::Tensor context = at::matmul(dropout(probs), v)                          // [B,heads,T,d]
                                       .permute({0, 2, 1, 3})
                                       .reshape({b, t, h});                      // [B,T,H]
        const at::Tensor attended = applyNorm(dropout(applyLinear(context, layer.attentionOutput)).add_(x), layer.attentionNorm, eps);
        const at::Tensor inner = activate(applyLinear(attended, layer.intermediate), m_config.activation);
        x = applyNorm(dropout(applyLinear(inner, layer.output)).add_(attended), layer.outputNorm, eps);
        if (options.allLayers)
            hidden.push_back(x);
        if (options.attentions)
            attentions.push_back(probs);
    }
    if (!options.allLayers)
        hidden.push_back(x);

    ForwardResult result;
    result.hidden = at::stack(hidden);                                           // [L+1,B,T,H]
    if (options.attentions && !attentions.empty())
        result.attentions = at::stack(attentions);                               // [L,B,heads,T,T]
    else if (options.attentions)
        result.attentions = at::empty({0, b, heads, t, t});
    return result;
}

} // namespace bertlens
