#pragma once

#include "common/cancel.h"
#include "model/bert_config.h"
#include "model/bert_weights.h"
#include "model/packed_linear.h"
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

// What one layer and head compute for one sentence, step by step (bertlens-cli trace, the
// walk-through): named [T, …] tensors in the order they arise, taken from the forward pass itself.
struct ForwardTrace {
    int layer = 1; // 1..L
    int head = 0;  // 0-based
    std::vector<std::pair<std::string, at::Tensor>> tensors;
};

struct ForwardOptions {
    bool attentions = false;             // materialise every attention probability map
    std::vector<int> layers;             // the hidden states to keep, 0 (embeddings) to L; empty: all
    bool training = false;               // autograd on (the trainer); otherwise inference mode
    double dropout = 0;                  // with training: BERT's dropout (embeddings, attention, both residual branches)
    const CancelToken *cancel = nullptr; // checked between layers
    ForwardTrace *trace = nullptr;       // filled for a batch of one sentence
};

struct ForwardResult {
    at::Tensor hidden;     // [K, B, T, H]: the K layers asked for (all: L+1, index 0 the embedding output); padding rows 0
    at::Tensor attentions; // [L, B, heads, T, T]; undefined unless asked for
};

// HuggingFace's BertModel encoder (no pooler), numerically as the reference: embeddings +
// LayerNorm, then L layers of masked self-attention and feed-forward with post-LN. The only
// forward pass in BertLens: the window, the exports and the trainer all run this one.
//
// Padding costs nothing in the linear layers: the real tokens of a batch are packed into one
// [N, H] matrix for the embeddings, every linear layer, LayerNorm and the feed-forward, and
// scattered into [B, T] only for the attention products (the "remove padding" scheme of
// EffectiveTransformer / FasterTransformer).
class BertModel {
public:
    // Fuses each layer's query, key and value into one [3H, H] projection and prepares every
    // linear layer for `precision` (see PackedLinear); the originals are not kept. Under autograd
    // (the trainer) the fused tensors are differentiable functions of the originals: build a new
    // model after each optimiser step. The weights' type is the compute type (F32, or BF16 for
    // mixed-precision training); see encoderWeights() in checkpoint.h for loading them.
    BertModel(const BertConfig &config, EncoderWeights weights, Precision precision = Precision::Float32);

    ForwardResult forward(const Batch &batch, const ForwardOptions &options = {}) const;
    const BertConfig &config() const { return m_config; }
    Precision precision() const { return m_precision; }
    const at::Tensor &wordEmbeddings() const { return m_weights.wordEmbeddings; }
    // The LayerNorms' γ and β (for the walk-through); layer 1..L.
    const Norm &embeddingNorm() const { return m_weights.embeddingNorm; }
    const Norm &attentionNorm(int layer) const { return m_layers.at(size_t(layer - 1)).attentionNorm; }
    const Norm &outputNorm(int layer) const { return m_layers.at(size_t(layer - 1)).outputNorm; }

private:
    struct Layer {
        PackedLinear qkv, attentionOutput, intermediate, output;
        Norm attentionNorm, outputNorm;
    };
    BertConfig m_config;
    Precision m_precision;
    EncoderWeights m_weights; // embeddings and their norm; the layers' tensors live in m_layers
    std::vector<Layer> m_layers;
};

} // namespace bertlens
