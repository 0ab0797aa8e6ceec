#pragma once

#include "tokenizer/encoding.h"

#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;
struct SentenceOutput;

struct TokenPrediction {
    int id = 0;
    std::string token; // as people read it (Tokenizer::label: "Ġsat" is " sat")
    double probability = 0;
};

// What the masked-language-model head predicts at one [MASK] of a sentence.
struct MaskPrediction {
    int index = 0;                               // token position ([CLS] = 0)
    std::vector<TokenPrediction> top;            // of the last layer, most probable first
    std::vector<std::vector<TokenPrediction>> layers; // the same head on every hidden state 0..L, when asked
};

// The top-k predictions at every [MASK] token of the encoding, from the sentence's hidden states
// (output.hidden: [L+1, T, H], or only the last layer when allLayers is false). Probabilities are
// the softmax over the whole vocabulary, in float64. The model must have an MLM head
// (LoadedModel::mlmHead); otherwise a model error says why it has none.
std::vector<MaskPrediction> predictMasks(const LoadedModel &model, const Encoding &encoding, const SentenceOutput &output,
                                         int topK, bool allLayers);

// The head's top-k guesses for one hidden-state vector [H] (any position, masked or not).
std::vector<TokenPrediction> predictTokens(const LoadedModel &model, const std::vector<float> &hidden, int topK);

} // namespace bertlens
