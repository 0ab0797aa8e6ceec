#pragma once

#include "common/cancel.h"
#include "model/bert_config.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace bertlens {

class WeightStore;

// A padded batch: right-padded ids, token type ids and a 1/0 attention mask, all int64 [B, T].
struct Batch {
    at::Tensor ids;
    at::Tensor typeIds;
    at::Tensor mask;
};

struct ForwardOptions {
    bool attentions = false;           // materialise every attention probability map
    const CancelToken *cancel = nullptr; // checked between layers
};

struct ForwardResult {
    at::Tensor hidden;     // [L+1, B, T, H]; index 0 is the embedding output
    at::Tensor attentions; // [L, B, heads, T, T]; undefined unless asked for
};

// HuggingFace's BertModel encoder (no pooler), in inference mode, numerically as the reference:
// embeddings + LayerNorm, then L layers of masked self-attention and feed-forward with post-LN.
class BertModel {
public:
    // Takes the encoder's tensors from the store, checking each shape against the config.
    BertModel(const BertConfig &config, const WeightStore &weights);

    ForwardResult forward(const Batch &batch, const ForwardOptions &options = {}) const;
    const BertConfig &config() const { return m_config; }

private:
    struct LayerNorm {
        at::Tensor weight, bias;
    };
    struct Linear {
        at::Tensor weight, bias;
    };
    struct Layer {
        Linear qkv; // query, key and value fused into one [3H, H] projection
        Linear attentionOutput;
        LayerNorm attentionNorm;
        Linear intermediate;
        Linear output;
        LayerNorm outputNorm;
    };
    at::Tensor layerNorm(const at::Tensor &x, const LayerNorm &norm) const;
    at::Tensor activate(const at::Tensor &x) const;

    BertConfig m_config;
    at::Tensor m_wordEmbeddings, m_positionEmbeddings, m_typeEmbeddings;
    LayerNorm m_embeddingNorm;
    std::vector<Layer> m_layers;
};

} // namespace bertlens
