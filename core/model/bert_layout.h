#pragma once

#include "model/bert_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens {

// One tensor of a BERT checkpoint under HuggingFace's names (no "bert." prefix).
struct TensorSpec {
    enum class Kind { Embedding, Weight, Bias, NormWeight, NormBias };
    std::string name;
    std::vector<int64_t> shape;
    Kind kind;
};

// The encoder's tensors (embeddings and every layer), in checkpoint order.
std::vector<TensorSpec> encoderLayout(const BertConfig &config);
// The masked-language-model head; its decoder is tied to the word embeddings, so not listed.
std::vector<TensorSpec> mlmHeadLayout(const BertConfig &config);

} // namespace bertlens
