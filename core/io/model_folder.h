#pragma once

#include "io/named_tensors.h"
#include "tokenizer/bert_tokenizer.h"

#include <string>
#include <vector>

namespace bertlens {

// The files of a HuggingFace model folder as users have them on disk.
struct ModelFolder {
    std::string dir;
    std::string configPath;
    std::string vocabPath;
    // One file, or the shards listed by a *.index.json (weightsPath is then the index).
    std::string weightsPath;
    std::vector<std::string> weightShards;
    TokenizerOptions tokenizerOptions;
    int modelMaxLength = 0; // from tokenizer_config.json; 0 when absent or unbounded

    // Finds config.json, vocab.txt and the weights (model.safetensors, sharded safetensors,
    // pytorch_model.bin, sharded .bin, in that order of preference) and reads the tokenizer
    // settings. A missing file is a model error that names the folder and what it looked for.
    static ModelFolder locate(const std::string &dir);

    // The tensors of the weights file, or of every shard in turn, as stored.
    NamedTensors readWeights() const;
};

} // namespace bertlens
