#include "model/bert_model.h"

#include "common/error.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <limits>

namespace bertlens {

namespace {

void checkIds(const Batch &batch, const BertConfig &config)
{
    const int64_t t = batch.ids.size(1);
    if (t > config.maxTokens())
        throw inputError("sequence of " + std::to_string(t) + " tokens exceeds the " + std::to_string(config.maxTokens())
                         + " positions of max_position_embeddings " + std::to_string(config.maxPositions));
    if (!batch.ids.numel())
        return;
    const int64_t maxId = batch.ids.max().item<int64_t>();
    if (maxId >= config.vocabSize || batch.ids.min().item<int64_t>() < 0)
        throw inputError("token id " + std::to_string(maxId) + " is outside the vocabulary of "
                         + std::to_string(config.vocabSize));
    if (batch.typeIds.max().item<int64_t>() >= config.typeVocabSize)
        throw inputError("token type id outside type_vocab_size " + std::to_string(config.typeVocabSize));
}

void checkShape(const at::Tensor &t, const char *what, int64_t b, int64_t tokens, int64_t h)
{
    if (t.defined() && (t.dim() != 3 || t.size(0) != b || t.size(1) != tokens || t.size(2) != h))
        throw Error(ErrorKind::Usage, std::string(what) + " must be [" + std::to_string(b) + ", " + std::to_string(tokens)
                                          + ", " + std::to_string(h) + "]");
}

} // namespace

BertModel::BertModel(const BertConfig &config, EncoderWeights weights, Precision precision, Kernels kernels)
    : m_config(config), m_precision(effectivePrecision(precision)), m_kernels(kernels), m_weights(std::move(weights))
{
    for (LayerWeights &l : m_weights.layers)
        m_layers.emplace_back(config, std::move(l), m_precision, kernels == Kernels::Differentiable);
    m_weights.layers.clear();
    for (at::Tensor *t : {&m_weights.wordEmbeddings, &m_weights.positionEmbeddings, &m_weights.typeEmbeddings,
                          &m_weights.embeddingNorm.weight, &m_weights.embeddingNorm.bias,
                          &m_weights.embeddingProjection.weight, &m_weights.embeddingProjection.bias})
        *t = resident(*t);
}

at::Tensor BertModel::embed(const Batch &batch, const ForwardOptions &options, LayerContext &c) const
{
    const int64_t b = c.shape.batch, t = c.shape.tokens;
    // HuggingFace's order of additions: words + token types, then positions.
    const EncoderWeights &w = m_weights;
    at::Tensor positionIds = at::arange(t, batch.ids.options()).repeat({b});
    if (m_config.positionsAfterPadding) { // RoBERTa: from padding_idx + 1; a padding token at padding_idx
        const at::Tensor real = batch.ids.ne(m_config.padTokenId).to(at::kLong);
        positionIds = (at::cumsum(real, 1) * real + m_config.padTokenId).reshape({-1});
    }
    const at::Tensor words = c.pass(Point::WordEmbeddings, 0,
                                    options.wordEmbeddings.defined()
                                        ? c.packing.pack(options.wordEmbeddings.reshape({b * t, m_config.embeddingWidth()}))
                                        : at::embedding(w.wordEmbeddings, c.packing.pack(batch.ids.reshape({-1})))); // [N,H]
    const at::Tensor types = c.pass(Point::TypeEmbeddings, 0, at::embedding(w.typeEmbeddings, c.packing.pack(batch.typeIds.reshape({-1}))));
    const at::Tensor positions = c.pass(Point::PositionEmbeddings, 0, at::embedding(w.positionEmbeddings, c.packing.pack(positionIds)));
    const at::Tensor sum = c.pass(Point::EmbeddingSum, 0, words + types + positions);
    at::Tensor out = c.drop(applyNorm(sum, w.embeddingNorm, m_config.layerNormEps));
    if (w.embeddingProjection.weight.defined()) // ELECTRA: embeddings narrower than the layers
        out = applyLinear(out, w.embeddingProjection);
    return c.pass(Point::EmbeddingOutput, 0, out);
}

ForwardResult BertModel::forward(const Batch &batch, const ForwardOptions &options) const
{
    const bool autograd = options.training || options.gradients;
    if (options.gradients && !differentiable())
        throw Error(ErrorKind::Usage, "gradients need a model loaded with differentiable kernels");
    c10::InferenceMode inferenceMode(!autograd);
    checkIds(batch, m_config);
    const int64_t b = batch.ids.size(0);
    const int64_t t = batch.ids.size(1);
    const int64_t h = m_config.hiddenSize;
    const int numLayers = int(m_layers.size());
    const int start = options.startHidden.defined() ? options.startLayer : 0;
    checkShape(options.wordEmbeddings, "word embeddings", b, t, m_config.embeddingWidth());
    checkShape(options.startHidden, "the starting hidden state", b, t, h);
    if (start < 0 || start > numLayers || (start > 0 && options.attentions))
        throw Error(ErrorKind::Usage, "a pass can start after layer 0.." + std::to_string(numLayers) + ", without attentions");
    std::vector<int> kept = options.layers;
    if (kept.empty())
        for (int i = start; i <= numLayers; ++i)
            kept.push_back(i);
    for (int layer : kept)
        if (layer < start || layer > numLayers)
            throw Error(ErrorKind::Usage, "layer " + std::to_string(layer) + " does not exist (" + std::to_string(start)
                                              + ".." + std::to_string(numLayers) + ")");

    const TokenPacking packing(batch.mask);
    // Padded keys get the most negative float added before the softmax, as HuggingFace does.
    const at::ScalarType stream = m_weights.wordEmbeddings.scalar_type();
    const at::Tensor maskBias = (1.0 - batch.mask.to(at::kFloat)).mul_(std::numeric_limits<float>::lowest())
                                    .to(stream)
                                    .view({b, 1, 1, t});
    // The type the linear layers hand to each other and to the attention products (bf16 halves
    // the bytes moved); LayerNorm, softmax and the residual stream stay float32.
    const at::ScalarType inner = m_precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    LayerContext context{packing, {b, t, options.hooks.empty() ? at::Tensor() : packing.rowOfToken()}, maskBias, inner, autograd,
                         options.training ? options.dropout : 0.0, options.hooks, {}};

    std::vector<at::Tensor> hidden(kept.size());
    auto keep = [&](int layer, const at::Tensor &x) {
        for (size_t i = 0; i < kept.size(); ++i)
            if (kept[i] == layer)
                hidden[i] = packing.unpack(x).view({b, t, h});
    };
    at::Tensor x = start ? packing.pack(options.startHidden.reshape({b * t, h})) : embed(batch, options, context);
    keep(start, x);
    std::vector<at::Tensor> attentions;
    for (int i = start; i < numLayers; ++i) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        at::Tensor pattern;
        x = m_layers[size_t(i)].forward(x, i + 1, context, options.attentions ? &pattern : nullptr);
        keep(i + 1, x);
        if (options.attentions)
            attentions.push_back(pattern);
    }

    ForwardResult result;
    result.hidden = at::stack(hidden);                                           // [K,B,T,H]
    if (options.attentions && !attentions.empty())
        result.attentions = at::stack(attentions);                               // [L,B,heads,T,T]
    else if (options.attentions)
        result.attentions = at::empty({0, b, m_config.numHeads, t, t});
    return result;
}

} // namespace bertlens
