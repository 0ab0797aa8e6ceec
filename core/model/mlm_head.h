#pragma once

#include "model/bert_config.h"
#include "model/bert_weights.h"

#include <ATen/core/Tensor.h>


namespace bertlens {

// HuggingFace's BertForMaskedLM head: transform.dense → activation → transform.LayerNorm →
// decoder (tied to the word embeddings unless the checkpoint has its own) + bias.
class MlmHead {
public:
    // An undefined weights.decoder is tied to the word embeddings.
    MlmHead(const BertConfig &config, MlmHeadWeights weights, const at::Tensor &wordEmbeddings);

    // Vocabulary logits: [..., H] -> [..., V].
    at::Tensor logits(const at::Tensor &hidden) const;

private:
    BertConfig m_config;
    MlmHeadWeights m_weights;
};

} // namespace bertlens
