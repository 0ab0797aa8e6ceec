#pragma once

#include "model/bert_config.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace bertlens::train {

// A BERT encoder with its masked-language-model head, as trainable tensors under HuggingFace's
// BertForMaskedLM names (without the "bert." prefix), so that the trained tensors are saved
// as they are and read back by the core's loader. The decoder is tied to the word embeddings.
class MlmModel {
public:
    MlmModel(const BertConfig &config, uint64_t seed);

    // Hidden states of the last layer: [B, T, H].
    torch::Tensor encode(const torch::Tensor &ids, const torch::Tensor &mask) const;
    // Vocabulary logits for the chosen hidden vectors [M, H] -> [M, V].
    torch::Tensor predict(const torch::Tensor &hidden) const;

    std::vector<torch::Tensor> parameters() const;
    const std::map<std::string, torch::Tensor> &named() const { return m_params; }
    const BertConfig &config() const { return m_config; }

private:
    const torch::Tensor &p(const std::string &name) const { return m_params.at(name); }
    torch::Tensor linear(const torch::Tensor &x, const std::string &scope) const;
    torch::Tensor norm(const torch::Tensor &x, const std::string &scope) const;

    BertConfig m_config;
    std::map<std::string, torch::Tensor> m_params;
};

} // namespace bertlens::train
