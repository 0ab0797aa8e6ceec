#pragma once

#include "mlm_training.h"

#include "tokenizer/bert_tokenizer.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bertlens::train {

// Token ids of each corpus line (one text per line), without special tokens.
std::vector<std::vector<int32_t>> tokenizeCorpus(const Tokenizer &tokenizer, const std::string &path);
// Examples: [CLS] line [SEP] (line [SEP])... up to seq tokens, one segment; some single lines, as
// users type.
Examples makeExamples(const std::vector<std::vector<int32_t>> &lines, const Tokenizer &tok, int seq, std::mt19937 &rng);
// Sentence pairs from TEXT_A<TAB>TEXT_B lines, as the window runs a pair: [CLS] A [SEP] B [SEP] with
// B as segment 1, each pair in both orders (A, B) and (B, A). Pairs longer than seq are left out.
Examples makePairExamples(const Tokenizer &tok, const std::string &path, int seq);
// Lower-cased, accents stripped, CJK spaced out: as bert-base-uncased and bert-base-chinese.
TokenizerOptions miniTokenizerOptions();
SpecialIds specialIdsOf(const Vocab &vocab);

} // namespace bertlens::train
