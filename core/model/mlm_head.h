#pragma once

#include "model/bert_config.h"
#include "model/bert_weights.h"

#include <ATen/core/Tensor.h>

#include <memory>
#include <string>

namespace bertlens {

class Checkpoint;

// HuggingFace's BertForMaskedLM head: transform.dense → activation → transform.LayerNorm →
// decoder (tied to the word embeddings unless the checkpoint has its own) + bias.
class MlmHead {
public:
    MlmHead(const BertConfig &config, MlmHeadWeights weights, const at::Tensor &wordEmbeddings);
    // The checkpoint's head, or nullptr with the reason in `missing` when it has none (a plain
    // BertModel or sentence-transformers checkpoint); a head of the wrong shape is a model error.
    static std::unique_ptr<MlmHead> fromCheckpoint(const BertConfig &config, const Checkpoint &checkpoint,
                                                   const at::Tensor &wordEmbeddings, std::string *missing);

    // Vocabulary logits: [..., H] -> [..., V].
    at::Tensor logits(const at::Tensor &hidden) const;

private:
    BertConfig m_config;
    MlmHeadWeights m_weights;
};

} // namespace bertlens
