#pragma once

#include "analysis/mask_predictions.h"
#include "analysis/matrix.h"
#include "model/knockout.h"
#include "pipeline/sentence_input.h"
#include "tokenizer/bert_tokenizer.h"

#include <map>
#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;

// What the walk-through is asked to show: one sentence, one token of it, one layer and head.
struct WalkthroughRequest {
    SentenceInput input;
    int layer = 1; // 1..L
    int head = 0;  // 0-based
    int token = 1; // position, [CLS] = 0
    Knockout knockout; // applied to the traced pass (the trace shows what the pass computes with it)
    int longWindow = -1; // of a long text: which overlapping window (as analyseSentences); -1: cut
};

// LayerNorm of one token's vector, as a lesson writes it: y = γ·(x − mean)/√(variance + ε) + β.
struct NormStep {
    std::vector<float> input; // x
    double mean = 0;
    double variance = 0;      // biased, as LayerNorm divides by H
    std::vector<float> gamma, beta;
    std::vector<float> output; // y, the engine's own
};

// Every number of one token's way through BERT, for the walk-through tab: the tokenizer's steps,
// and the intermediates the forward pass itself records (ForwardTrace) for one layer and head.
struct Walkthrough {
    WalkthroughRequest request; // layer, head and token as clamped to the model and sentence
    TokenizationSteps text, pair; // pair: only for a sentence pair
    std::string tokenizerModel;   // "WordPiece", "BPE" or "Unigram": how step 1 is told
    Encoding encoding;
    int hiddenSize = 0, numHeads = 0, headSize = 0, intermediateSize = 0, numLayers = 0;
    std::string activation;      // config's hidden_act
    double layerNormEps = 0;
    // The trace's tensors by name ("embeddings.word", "attention.probs"…, as `bertlens-cli trace`):
    // [T, n] each; attention.* of the one head.
    std::map<std::string, Matrix> tensors;
    NormStep embeddingNorm; // step 2: the sum of the three embeddings → the layer-0 vector
    NormStep attentionNorm; // step 6: layer input + attention output → the feed-forward's input
    NormStep outputNorm;    // step 6: that + feed-forward output → the layer's output
    // The activation function (the engine's own) sampled over the range of this token's
    // feed-forward values, for its curve.
    std::vector<double> curveX, curveY;
    std::vector<double> norms; // the token's vector length at hidden state 0..L
    std::vector<float> top;    // the token's vector at the last layer
    // The MLM head's guesses for this position from the last layer (empty without a head:
    // then mlmHeadMissing says why).
    std::vector<TokenPrediction> predictions;
    std::string mlmHeadMissing;

    const Matrix &tensor(const std::string &name) const;
    // Row `row` of a traced tensor (the selected token's, unless another is asked for).
    std::vector<float> row(const std::string &name, int row = -1) const;
};

// One forward pass of the sentence with a trace of the request's layer and head; the sentence is
// tokenised as the window's analysis tokenises it (the model's maximum length).
Walkthrough computeWalkthrough(const LoadedModel &model, const WalkthroughRequest &request);

} // namespace bertlens
