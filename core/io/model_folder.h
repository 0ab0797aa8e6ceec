#pragma once

#include "io/named_tensors.h"
#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/tokenizer.h"

#include <memory>

#include <string>
#include <vector>

namespace bertlens {

// sentence-transformers' modules of a folder that has a modules.json: the Transformer (this
// folder), then a Pooling and optionally a Normalize module.
struct SentenceTransformerModules {
    bool present = false;
    std::string pooling; // "cls", "mean", "max" or "mean_sqrt_len", from N_Pooling/config.json
    bool normalize = false;
    int maxSeqLength = 0; // sentence_bert_config.json; 0 when absent
    std::string describe() const; // "mean pooling, L2-normalised" — what an export says it applied
};

// The files of a HuggingFace model folder as users have them on disk.
struct ModelFolder {
    std::string dir;
    std::string configPath;
    std::string vocabPath; // vocab.txt, or tokenizer.json in folders that ship only that
    // One file, or the shards listed by a *.index.json (weightsPath is then the index).
    std::string weightsPath;
    std::vector<std::string> weightShards;
    TokenizerOptions tokenizerOptions;
    int modelMaxLength = 0; // from tokenizer_config.json (and sentence_bert_config.json); 0 when absent or unbounded
    SentenceTransformerModules sentenceTransformer;

    // Finds config.json, vocab.txt and the weights (model.safetensors, sharded safetensors,
    // pytorch_model.bin, sharded .bin, in that order of preference) and reads the tokenizer
    // settings and sentence-transformers' modules (a module it cannot reproduce, such as Dense,
    // is a model error). A missing file is a model error that names the folder and what it looked for.
    // With `weights` false, a folder of tokenizer files and config.json will do (weightsPath empty).
    static ModelFolder locate(const std::string &dir, bool weights = true);

    // The tokenizer of vocab.txt or tokenizer.json (tokenizer/tokenizer_files.h).
    std::unique_ptr<Tokenizer> readTokenizer() const;

    // The tensors of the weights file, or of every shard in turn, as stored.
    NamedTensors readWeights() const;
};

} // namespace bertlens
