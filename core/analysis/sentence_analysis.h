#pragma once

#include "analysis/mask_predictions.h"
#include "analysis/matrix.h"
#include "analysis/word_groups.h"
#include "common/cancel.h"
#include "model/knockout.h"
#include "pipeline/sentence_input.h"
#include "tokenizer/encoding.h"

#include <memory>
#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;
class ChineseSegmenter;

// Everything the model computes for one sentence, as plain matrices.
struct SentenceAnalysis {
    SentenceInput input;
    Encoding encoding;
    std::vector<Matrix> hidden;                 // [L+1] of [T, H]; 0 = embeddings
    std::vector<std::vector<Matrix>> attention; // [L][heads] of [T, T]; attention[0] is layer 1
    std::vector<MaskPrediction> masks;          // at each [MASK], top 10 of every layer (when the model has an MLM head)
    WordGroups words;                           // the tokens of each word, for the word-level views
};

struct AnalysisResult {
    std::vector<SentenceAnalysis> sentences;
    int numLayers = 0;
    int numHeads = 0;
    int hiddenSize = 0;
    std::string mlmHeadMissing; // empty when the model predicts masked tokens
    int longWindow = -1;        // which overlapping window of a long text was analysed (-1: cut)
    std::string maskToken;      // as typed in a text ("[MASK]", "<mask>"); empty when the vocabulary has none
    Knockout knockout;          // the heads and FFN blocks that were switched off
};

// Runs every input through the pipeline with all attention maps and keeps the results as
// matrices for the window; checks the token between batches and layers. progress counts inputs.
// Words group Chinese characters with the segmenter when one is given. The knock-out applies to
// every pass. A text longer than the model takes is cut, or with `longWindow` ≥ 0 shown as that one
// of its overlapping windows (pipeline/long_inputs.h; Encoding::window says which).
std::shared_ptr<const AnalysisResult> analyseSentences(const LoadedModel &model, const std::vector<SentenceInput> &inputs,
                                                       const CancelToken *cancel = nullptr, const ProgressFn &progress = {},
                                                       const ChineseSegmenter *segmenter = nullptr, const Knockout &knockout = {},
                                                       int longWindow = -1);

// The first sentence with more [MASK] predictions than the sentence of that number had before:
// where the user just typed (or double-clicked) a mask, whose predictions the window shows next.
// -1 when there is none, or no previous result (a window just opened does not jump).
int sentenceWithNewMask(const AnalysisResult *previous, const AnalysisResult &current);

} // namespace bertlens
