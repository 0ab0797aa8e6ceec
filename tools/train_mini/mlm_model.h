#pragma once

#include "io/named_tensors.h"
#include "model/bert_config.h"
#include "model/bert_weights.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace bertlens::train {

// The trainable tensors of a BERT encoder and its masked-language-model head, under
// HuggingFace's BertForMaskedLM names (without the "bert." prefix), so that they are saved as
// they are and read back by the core's loader. The arithmetic is the core's: every step runs
// BertModel's forward and MlmHead's logits with autograd on. The decoder is tied to the word
// embeddings.
class MlmModel {
public:
    MlmModel(const BertConfig &config, uint64_t seed, torch::Device device = torch::kCPU);

    // F32 logits [M, V] at the chosen positions (flat indices into [B*T]) of a masked batch. With
    // compute = kBFloat16 the forward runs on BF16 copies of the (F32 master) parameters.
    torch::Tensor maskedLogits(const torch::Tensor &ids, const torch::Tensor &types, const torch::Tensor &mask, const torch::Tensor &positions,
                               torch::ScalarType compute = torch::kFloat, double dropout = 0) const;

    // Continues from trained weights (a model folder's tensors, names with or without "bert."):
    // every parameter must be there with its shape.
    void loadWeights(const NamedTensors &weights);

    // In name order, the order of the checkpoint files.
    std::vector<torch::Tensor> parameters() const;
    NamedTensors named() const;
    const BertConfig &config() const { return m_config; }

private:
    BertConfig m_config;
    EncoderWeights m_encoder;
    MlmHeadWeights m_head;
    std::map<std::string, torch::Tensor> m_params; // the same tensors as above, by name
};

} // namespace bertlens::train
