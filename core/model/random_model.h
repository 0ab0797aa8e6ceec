#pragma once

#include "io/named_tensors.h"
#include "io/safetensors.h"
#include "model/bert_config.h"

#include <cstdint>
#include <string>
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
NamedTensors randomWeights(const RandomModelOptions &options);

// Writes a complete HuggingFace model folder with random weights (see writeModelFolder).
void writeRandomModel(const std::string &dir, const RandomModelOptions &options);

} // namespace bertlens
