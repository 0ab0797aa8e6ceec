#pragma once

#include "common/cancel.h"
#include "model/bert_config.h"
#include "model/bert_weights.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace bertlens {

// A padded batch: right-padded ids, token type ids and a 1/0 attention mask, all int64 [B, T].
struct Batch {
    at::Tensor ids;
    at::Tensor typeIds;
    at::Tensor mask;
};

struct ForwardOptions {
    bool attentions = false;             // materialise every attention probability map
    bool allLayers = true;               // every hidden state, or only the last layer's
    bool training = false;               // autograd on (the trainer); otherwise inference mode
    double dropout = 0;                  // with training: BERT's dropout (embeddings, attention, both residual branches)
    const CancelToken *cancel = nullptr; // checked between layers
};

struct ForwardResult {
    at::Tensor hidden;     // [L+1, B, T, H], index 0 the embedding output; [1, B, T, H] without allLayers
    at::Tensor attentions; // [L, B, heads, T, T]; undefined unless asked for
};

// HuggingFace's BertModel encoder (no pooler), numerically as the reference: embeddings +
// LayerNorm, then L layers of masked self-attention and feed-forward with post-LN. The only
// forward pass in BertLens: the window, the exports and the trainer all run this one.
class BertModel {
public:
    // Fuses each layer's query, key and value into one [3H, H] projection. Under autograd (the
    // trainer) the fused tensors are differentiable functions of the originals: build a new
    // model after each optimiser step. The weights' type is the compute type (F32, or BF16 for
    // mixed-precision training); see encoderWeights() in checkpoint.h for loading them.
    BertModel(const BertConfig &config, EncoderWeights weights);

    ForwardResult forward(const Batch &batch, const ForwardOptions &options = {}) const;
    const BertConfig &config() const { return m_config; }
    const EncoderWeights &weights() const { return m_weights; }

private:
    BertConfig m_config;
    EncoderWeights m_weights;
    std::vector<Linear> m_qkv;
};

} // namespace bertlens
