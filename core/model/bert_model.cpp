#include "model/bert_model.h"

#include "common/error.h"
#include "model/onednn.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <cmath>
#include <limits>

namespace bertlens {

namespace {

void checkIds(const Batch &batch, const BertConfig &config)
{
    const int64_t t = batch.ids.size(1);
    if (t > config.maxPositions)
        throw inputError("sequence of " + std::to_string(t) + " tokens exceeds max_position_embeddings "
                         + std::to_string(config.maxPositions));
    if (!batch.ids.numel())
        return;
    const int64_t maxId = batch.ids.max().item<int64_t>();
    if (maxId >= config.vocabSize || batch.ids.min().item<int64_t>() < 0)
        throw inputError("token id " + std::to_string(maxId) + " is outside the vocabulary of "
                         + std::to_string(config.vocabSize));
    if (batch.typeIds.max().item<int64_t>() >= config.typeVocabSize)
        throw inputError("token type id outside type_vocab_size " + std::to_string(config.typeVocabSize));
}

// Moves rows between the packed [N, C] form and the padded [B·T, C] form.
struct Packing {
    at::Tensor positions; // [N] indices into B·T of the real tokens; undefined when nothing is padded
    int64_t padded = 0;   // B·T

    at::Tensor pack(const at::Tensor &rows) const { return positions.defined() ? rows.index_select(0, positions) : rows; }
    at::Tensor unpack(const at::Tensor &rows) const
    {
        if (!positions.defined())
            return rows;
        return at::zeros({padded, rows.size(1)}, rows.options()).index_copy_(0, positions, rows);
    }
    // Into `buffer`, whose padding rows stay zero from one layer to the next (inference only:
    // autograd may not see a tensor overwritten).
    at::Tensor unpackInto(at::Tensor &buffer, const at::Tensor &rows) const
    {
        if (!positions.defined())
            return rows;
        if (!buffer.defined())
            buffer = at::zeros({padded, rows.size(1)}, rows.options());
        return buffer.index_copy_(0, positions, rows);
    }
};

} // namespace

BertModel::BertModel(const BertConfig &config, EncoderWeights weights, Precision precision)
    : m_config(config), m_precision(effectivePrecision(precision)), m_weights(std::move(weights))
{
    // 1/sqrt(d) folded into the query projection: exact for the usual d = 64 (a power of two).
    const double scale = 1.0 / std::sqrt(double(config.headSize()));
    for (LayerWeights &l : m_weights.layers) {
        Linear qkv{at::cat({l.query.weight * scale, l.key.weight, l.value.weight}, 0),
                   at::cat({l.query.bias * scale, l.key.bias, l.value.bias}, 0)};
        m_layers.push_back({PackedLinear(std::move(qkv), m_precision), PackedLinear(std::move(l.attentionOutput), m_precision),
                            PackedLinear(std::move(l.intermediate), m_precision, config.activation),
                            PackedLinear(std::move(l.output), m_precision), std::move(l.attentionNorm), std::move(l.outputNorm)});
    }
    m_weights.layers.clear();
    for (at::Tensor *t : {&m_weights.wordEmbeddings, &m_weights.positionEmbeddings, &m_weights.typeEmbeddings,
                          &m_weights.embeddingNorm.weight, &m_weights.embeddingNorm.bias})
        *t = resident(*t);
    for (Layer &l : m_layers)
        for (at::Tensor *t : {&l.attentionNorm.weight, &l.attentionNorm.bias, &l.outputNorm.weight, &l.outputNorm.bias})
            *t = resident(*t);
}

ForwardResult BertModel::forward(const Batch &batch, const ForwardOptions &options) const
{
    c10::InferenceMode inferenceMode(!options.training);
    checkIds(batch, m_config);
    const int64_t b = batch.ids.size(0);
    const int64_t t = batch.ids.size(1);
    const int64_t h = m_config.hiddenSize;
    const int64_t heads = m_config.numHeads;
    const int64_t d = m_config.headSize();
    const double eps = m_config.layerNormEps;
    const int numLayers = int(m_layers.size());
    std::vector<int> kept = options.layers;
    if (kept.empty())
        for (int i = 0; i <= numLayers; ++i)
            kept.push_back(i);
    for (int layer : kept)
        if (layer < 0 || layer > numLayers)
            throw Error(ErrorKind::Usage, "layer " + std::to_string(layer) + " does not exist (0.." + std::to_string(numLayers) + ")");

    Packing packing;
    packing.padded = b * t;
    const at::Tensor flatMask = batch.mask.reshape({-1});
    if (flatMask.numel() && !flatMask.all().item<bool>())
        packing.positions = flatMask.nonzero().squeeze(1);

    std::vector<at::Tensor> hidden(kept.size());
    auto keep = [&](int layer, const at::Tensor &x) {
        for (size_t i = 0; i < kept.size(); ++i)
            if (kept[i] == layer)
                hidden[i] = packing.unpack(x).view({b, t, h});
    };
    std::vector<at::Tensor> attentions;

    ForwardTrace *trace = options.trace;
    if (trace && (b != 1 || trace->layer < 1 || trace->layer > numLayers || trace->head < 0 || trace->head >= heads))
        throw Error(ErrorKind::Usage, "a trace takes one sentence, a layer in 1.." + std::to_string(numLayers)
                                          + " and a head in 0.." + std::to_string(heads - 1));
    auto record = [trace](int layer, const char *name, const at::Tensor &value) {
        if (trace && (layer == 0 || layer == trace->layer))
            trace->tensors.emplace_back(name, value.to(at::kFloat).contiguous().clone());
    };

    // HuggingFace's order of additions: words + token types, then positions.
    const EncoderWeights &w = m_weights;
    const at::Tensor positionIds = at::arange(t, batch.ids.options()).repeat({b});
    const at::Tensor words = at::embedding(w.wordEmbeddings, packing.pack(batch.ids.reshape({-1})));        // [N,H]
    const at::Tensor types = at::embedding(w.typeEmbeddings, packing.pack(batch.typeIds.reshape({-1})));
    const at::Tensor positions = at::embedding(w.positionEmbeddings, packing.pack(positionIds));
    at::Tensor x = words + types;
    x = x + positions;
    record(0, "embeddings.word", words);
    record(0, "embeddings.position", positions);
    record(0, "embeddings.token_type", types);
    record(0, "embeddings.sum", x);
    const double p = options.training ? options.dropout : 0.0;
    auto dropout = [p](const at::Tensor &t) { return p > 0 ? at::dropout(t, p, true) : t; };
    x = dropout(applyNorm(x, w.embeddingNorm, eps));
    record(0, "embeddings.output", x);
    keep(0, x);

    // Padded keys get the most negative float added before the softmax, as HuggingFace does.
    const at::Tensor maskBias = (1.0 - batch.mask.to(at::kFloat)).mul_(std::numeric_limits<float>::lowest())
                                    .to(x.scalar_type())
                                    .view({b, 1, 1, t});                         // [B,1,1,T]
    // The type the linear layers hand to each other and to the attention products (bf16 halves
    // the bytes moved); LayerNorm, softmax and the residual stream stay float32.
    const at::ScalarType inner = m_precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    // The attention products: oneDNN on the views in place for inference, ATen under autograd.
    auto matmul = [&](const at::Tensor &a, const at::Tensor &b) {
        return options.training ? at::matmul(a, b) : onednn::batchedMatmul(a.to(inner), b.to(inner));
    };
    at::Tensor paddedQkv;
    // In-place additions below touch only results that autograd does not keep for backward.

    for (int i = 0; i < numLayers; ++i) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const Layer &layer = m_layers[size_t(i)];
        const bool traced = trace && trace->layer == i + 1;
        record(i + 1, "layer.input", x);
        const at::Tensor projected = layer.qkv(x, inner);                        // [N,3H], q scaled
        const at::Tensor qkv = (options.training ? packing.unpack(projected) : packing.unpackInto(paddedQkv, projected))
                                   .view({b, t, 3, heads, d})
                                   .permute({2, 0, 3, 1, 4});                    // [3,B,heads,T,d]
        const at::Tensor q = qkv[0];
        const at::Tensor k = qkv[1];
        const at::Tensor v = qkv[2];
        at::Tensor scores = matmul(q, k.transpose(-1, -2));                     // [B,heads,T,T]
        if (traced) {
            const double unscale = std::sqrt(double(d)); // the query as x·W_q + b, before the folded 1/√d
            record(i + 1, "attention.q", q[0][trace->head] * unscale);
            record(i + 1, "attention.k", k[0][trace->head]);
            record(i + 1, "attention.v", v[0][trace->head]);
            record(i + 1, "attention.scores", scores[0][trace->head]);
        }
        const at::Tensor probs = at::softmax(scores.add_(maskBias), -1);
        const at::Tensor perHead = matmul(dropout(probs), v);                    // [B,heads,T,d]
        const at::Tensor context = packing.pack(perHead.permute({0, 2, 1, 3}).reshape({b * t, h})); // [N,H]
        const at::Tensor projectedContext = layer.attentionOutput(context);
        if (traced) {
            record(i + 1, "attention.probs", probs[0][trace->head]);
            record(i + 1, "attention.context", perHead[0][trace->head]);
            record(i + 1, "attention.output", projectedContext);
        }
        const at::Tensor attended = applyNorm(dropout(projectedContext).add_(x), layer.attentionNorm, eps);
        at::Tensor activated;                                                    // [N,4H]
        if (traced) { // the values before the activation, which the fast path applies as it writes them
            const at::Tensor before = layer.intermediate(attended, at::kFloat, false);
            activated = activate(before, m_config.activation);
            record(i + 1, "attention.output_norm", attended);
            record(i + 1, "ffn.intermediate", before);
            record(i + 1, "ffn.activated", activated);
        } else {
            activated = layer.intermediate(attended, inner);
        }
        const at::Tensor ffnOutput = layer.output(activated);
        record(i + 1, "ffn.output", ffnOutput);
        x = applyNorm(dropout(ffnOutput).add_(attended), layer.outputNorm, eps);
        record(i + 1, "layer.output", x);
        keep(i + 1, x);
        if (options.attentions)
            attentions.push_back(probs);
    }

    ForwardResult result;
    result.hidden = at::stack(hidden);                                           // [K,B,T,H]
    if (options.attentions && !attentions.empty())
        result.attentions = at::stack(attentions);                               // [L,B,heads,T,T]
    else if (options.attentions)
        result.attentions = at::empty({0, b, heads, t, t});
    return result;
}

} // namespace bertlens
