#pragma once

#include "analysis/matrix.h"
#include "common/cancel.h"
#include "tokenizer/encoding.h"

#include <memory>
#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;

// The input of one analysis: each sentence, optionally with a second text (a pair).
struct SentenceInput {
    std::string text;
    std::string pair;
    bool hasPair = false;
};

// Everything the model computes for one sentence, as plain matrices.
struct SentenceAnalysis {
    SentenceInput input;
    Encoding encoding;
    std::vector<Matrix> hidden;                 // [L+1] of [T, H]; 0 = embeddings
    std::vector<std::vector<Matrix>> attention; // [L][heads] of [T, T]; attention[0] is layer 1
};

struct AnalysisResult {
    std::vector<SentenceAnalysis> sentences;
    int numLayers = 0;
    int numHeads = 0;
    int hiddenSize = 0;
};

// Tokenizes and runs every sentence (one padded batch per `batchSize` sentences) with all
// attention maps; checks the token between batches and layers.
std::shared_ptr<const AnalysisResult> analyseSentences(const LoadedModel &model, const std::vector<SentenceInput> &inputs,
                                                       const CancelToken *cancel = nullptr, int batchSize = 8);

} // namespace bertlens
