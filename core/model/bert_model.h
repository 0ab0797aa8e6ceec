#pragma once

#include "common/cancel.h"
#include "model/bert_config.h"
#include "model/bert_layer.h"
#include "model/bert_weights.h"
#include "model/forward_hooks.h"
#include "model/precision.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace bertlens {

// A padded batch: right-padded ids, token type ids and a 1/0 attention mask, all int64 [B, T].
struct Batch {
    at::Tensor ids;
    at::Tensor typeIds;
    at::Tensor mask;
};

// What one forward pass is asked for: what to keep, who looks inside, where it starts, gradients.
struct ForwardOptions {
    bool attentions = false;             // materialise every attention probability map
    std::vector<int> layers;             // the hidden states to keep, 0 (embeddings) to L; empty: all
    const CancelToken *cancel = nullptr; // checked between layers
    // Called at the named points of every layer, in this order (ForwardTrace, KnockoutHook).
    std::vector<ForwardHook *> hooks;
    // [B, T, H]: used in place of the ids' word-embedding rows (attribution scales them); the ids
    // still give the batch's shape.
    at::Tensor wordEmbeddings;
    // [B, T, H]: the output of layer `startLayer` (0: of the embeddings), given: the pass runs
    // layers startLayer+1..L only (what lies below a knock-out is computed once). Only layers from
    // startLayer on can be kept, and no attentions.
    at::Tensor startHidden;
    int startLayer = 0;
    // Autograd on, dropout off: gradients with respect to wordEmbeddings (a differentiable model only).
    bool gradients = false;
    bool training = false; // autograd on with dropout (the trainer)
    double dropout = 0;    // with training: BERT's dropout (embeddings, attention, both residual branches)
};

struct ForwardResult {
    at::Tensor hidden;     // [K, B, T, H]: the K layers asked for (all: L+1, index 0 the embedding output); padding rows 0
    at::Tensor attentions; // [L, B, heads, T, T]; undefined unless asked for
};

// HuggingFace's BertModel encoder (no pooler), numerically as the reference: embeddings +
// LayerNorm, then L layers of masked self-attention and feed-forward with post-LN. The only
// forward pass in BertLens: the window, the exports, attribution and the trainer all run this
// one; hooks (forward_hooks.h) observe or change it at named points.
//
// Padding costs nothing in the linear layers: the real tokens of a batch are packed into one
// [N, H] matrix for the embeddings, every linear layer, LayerNorm and the feed-forward, and
// scattered into [B, T] only for the attention products (TokenPacking).
class BertModel {
public:
    // How the linear layers keep their weights: packed for oneDNN's inference kernels (the
    // originals are not kept), or packed twice (W and Wᵀ), so that autograd reaches the input
    // (attribution). The trainer's weights, which require gradients, stay plain tensors.
    enum class Kernels { Packed, Differentiable };

    // Fuses each layer's query, key and value into one [3H, H] projection and prepares every
    // linear layer for `precision` (see PackedLinear). Under autograd (the trainer) the fused
    // tensors are differentiable functions of the originals: build a new model after each
    // optimiser step. The weights' type is the compute type (F32, or BF16 for mixed-precision
    // training); see encoderWeights() in checkpoint.h for loading them.
    BertModel(const BertConfig &config, EncoderWeights weights, Precision precision = Precision::Float32,
              Kernels kernels = Kernels::Packed);

    ForwardResult forward(const Batch &batch, const ForwardOptions &options = {}) const;
    const BertConfig &config() const { return m_config; }
    Precision precision() const { return m_precision; }
    bool differentiable() const { return m_kernels == Kernels::Differentiable; }
    const at::Tensor &wordEmbeddings() const { return m_weights.wordEmbeddings; }
    // The LayerNorms' γ and β (for the walk-through); layer 1..L.
    const Norm &embeddingNorm() const { return m_weights.embeddingNorm; }
    const Norm &attentionNorm(int layer) const { return m_layers.at(size_t(layer - 1)).attentionNorm(); }
    const Norm &outputNorm(int layer) const { return m_layers.at(size_t(layer - 1)).outputNorm(); }

private:
    at::Tensor embed(const Batch &batch, const ForwardOptions &options, LayerContext &context) const;

    BertConfig m_config;
    Precision m_precision;
    Kernels m_kernels;
    EncoderWeights m_weights; // embeddings and their norm; the layers' tensors live in m_layers
    std::vector<BertLayer> m_layers;
};

} // namespace bertlens
