#pragma once

#include "tokenizer/normalizer.h"

#include <string>
#include <vector>

namespace bertlens::train {

// Learns a WordPiece vocabulary the way HuggingFace's WordPieceTrainer does: BPE merges over the
// corpus's words (after BERT's normalization and word splitting), with '##' marking pieces that
// continue a word. Returns the vocabulary in id order: [PAD] [UNK] [CLS] [SEP] [MASK], then every
// character seen at least minCharCount times (alone and as ##continuation), then merged pieces in
// merge order until `size` entries. Characters in `required` are in the vocabulary whether the
// corpus has them or not (the common Chinese characters, say).
std::vector<std::string> buildWordPieceVocab(const std::string &corpusPath, int size, const NormalizerOptions &normalizer,
                                             int minCharCount = 3, const std::u32string &required = {});

} // namespace bertlens::train
