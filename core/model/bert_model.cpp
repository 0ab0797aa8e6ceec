#include "model/bert_model.h"

#include "common/error.h"
#include "model/weight_store.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <cmath>
#include <limits>

namespace bertlens {

namespace {
using Shape = std::vector<int64_t>;
}

BertModel::BertModel(const BertConfig &config, const WeightStore &weights) : m_config(config)
{
    const int64_t h = config.hiddenSize;
    const int64_t ffn = config.intermediateSize;
    auto norm = [&](const std::string &scope) {
        return LayerNorm{weights.get(scope + ".weight", {h}), weights.get(scope + ".bias", {h})};
    };
    auto linear = [&](const std::string &scope, int64_t out, int64_t in) {
        return Linear{weights.get(scope + ".weight", {out, in}), weights.get(scope + ".bias", {out})};
    };
    m_wordEmbeddings = weights.get("embeddings.word_embeddings.weight", {config.vocabSize, h});
    m_positionEmbeddings = weights.get("embeddings.position_embeddings.weight", {config.maxPositions, h});
    m_typeEmbeddings = weights.get("embeddings.token_type_embeddings.weight", {config.typeVocabSize, h});
    m_embeddingNorm = norm("embeddings.LayerNorm");

    for (int i = 0; i < config.numLayers; ++i) {
        const std::string scope = "encoder.layer." + std::to_string(i);
        const Linear q = linear(scope + ".attention.self.query", h, h);
        const Linear k = linear(scope + ".attention.self.key", h, h);
        const Linear v = linear(scope + ".attention.self.value", h, h);
        Layer layer;
        layer.qkv = {at::cat({q.weight, k.weight, v.weight}, 0), at::cat({q.bias, k.bias, v.bias}, 0)};
        layer.attentionOutput = linear(scope + ".attention.output.dense", h, h);
        layer.attentionNorm = norm(scope + ".attention.output.LayerNorm");
        layer.intermediate = linear(scope + ".intermediate.dense", ffn, h);
        layer.output = linear(scope + ".output.dense", h, ffn);
        layer.outputNorm = norm(scope + ".output.LayerNorm");
        m_layers.push_back(std::move(layer));
    }
    const std::string extra = "encoder.layer." + std::to_string(config.numLayers) + ".output.dense.weight";
    if (weights.contains(extra))
        throw modelError(weights.sourceFile + ": holds tensor " + extra + " beyond num_hidden_layers = "
                         + std::to_string(config.numLayers) + " in config.json");
}

at::Tensor BertModel::layerNorm(const at::Tensor &x, const LayerNorm &norm) const
{
    return at::layer_norm(x, {m_config.hiddenSize}, norm.weight, norm.bias, m_config.layerNormEps);
}

at::Tensor BertModel::activate(const at::Tensor &x) const
{
    switch (m_config.activation) {
    case Activation::Gelu: return at::gelu(x);
    case Activation::GeluTanh: return at::gelu(x, "tanh");
    case Activation::Relu: return at::relu(x);
    }
    return x;
}

ForwardResult BertModel::forward(const Batch &batch, const ForwardOptions &options) const
{
    c10::InferenceMode inferenceMode;
    const int64_t b = batch.ids.size(0);
    const int64_t t = batch.ids.size(1);
    const int64_t h = m_config.hiddenSize;
    const int64_t heads = m_config.numHeads;
    const int64_t d = m_config.headSize();
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
    hidden.reserve(m_layers.size() + 1);

    at::Tensor x = at::embedding(m_wordEmbeddings, batch.ids)                    // [B,T,H]
                   + m_positionEmbeddings.slice(0, 0, t).unsqueeze(0)            // [1,T,H]
                   + at::embedding(m_typeEmbeddings, batch.typeIds);             // [B,T,H]
    x = layerNorm(x, m_embeddingNorm);
    hidden.push_back(x);

    // Padded keys get the most negative float added before the softmax, as HuggingFace does.
    const at::Tensor maskBias = (1.0 - batch.mask.to(at::kFloat)).mul_(std::numeric_limits<float>::lowest())
                                    .view({b, 1, 1, t});                         // [B,1,1,T]
    const double scale = 1.0 / std::sqrt(double(d));

    for (const Layer &layer : m_layers) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const at::Tensor qkv = at::linear(x, layer.qkv.weight, layer.qkv.bias)   // [B,T,3H]
                                   .view({b, t, 3, heads, d})
                                   .permute({2, 0, 3, 1, 4});                    // [3,B,heads,T,d]
        const at::Tensor q = qkv[0].mul(scale);
        const at::Tensor k = qkv[1];
        const at::Tensor v = qkv[2];
        at::Tensor scores = at::matmul(q, k.transpose(-1, -2));                  // [B,heads,T,T]
        scores.add_(maskBias);
        const at::Tensor probs = at::softmax(scores, -1);
        const at::Tensor context = at::matmul(probs, v)                          // [B,heads,T,d]
                                       .permute({0, 2, 1, 3})
                                       .reshape({b, t, h});                      // [B,T,H]
        const at::Tensor attended = layerNorm(
            at::linear(context, layer.attentionOutput.weight, layer.attentionOutput.bias).add_(x), layer.attentionNorm);
        const at::Tensor inner = activate(at::linear(attended, layer.intermediate.weight, layer.intermediate.bias));
        x = layerNorm(at::linear(inner, layer.output.weight, layer.output.bias).add_(attended), layer.outputNorm);
        hidden.push_back(x);
        if (options.attentions)
            attentions.push_back(probs);
    }

    ForwardResult result;
    result.hidden = at::stack(hidden);                                           // [L+1,B,T,H]
    if (options.attentions && !attentions.empty())
        result.attentions = at::stack(attentions);                               // [L,B,heads,T,T]
    else if (options.attentions)
        result.attentions = at::empty({0, b, heads, t, t});
    return result;
}

} // namespace bertlens
