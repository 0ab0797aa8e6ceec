#pragma once

#include "io/safetensors.h"
#include "model/bert_config.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bertlens {

struct RandomModelOptions {
    BertConfig config;
    // Empty: a synthetic vocabulary of config.vocabSize entries (special tokens, ASCII characters
    // and their ## continuations, then filler) so that any ASCII text tokenizes.
    std::vector<std::string> vocab;
    uint64_t seed = 0;
    double stddev = 0.02; // of weights and biases, as HuggingFace initialises BERT
    StoredFloat dtype = StoredFloat::F32;
    std::string keyPrefix;  // "" (BertModel) or "bert." (BertForMaskedLM checkpoints)
    bool withMlmHead = false;
};

std::vector<std::string> syntheticVocab(int size);

// The checkpoint's tensors (names with options.keyPrefix), float32.
std::vector<std::pair<std::string, at::Tensor>> randomWeights(const RandomModelOptions &options);

// Writes a complete HuggingFace model folder (config.json, vocab.txt, tokenizer_config.json,
// model.safetensors) with random weights; the folder is created if needed.
void writeRandomModel(const std::string &dir, const RandomModelOptions &options);

} // namespace bertlens
