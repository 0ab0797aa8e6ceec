#pragma once

#include "mlm_training.h"

#include "tokenizer/bert_tokenizer.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bertlens::train {

// Token ids of each corpus line (one text per line), without special tokens.
std::vector<std::vector<int32_t>> tokenizeCorpus(const BertTokenizer &tokenizer, const std::string &path);
// Examples: [CLS] line [SEP] (line [SEP])... up to seq tokens; some single lines, as users type.
std::vector<std::vector<int32_t>> makeExamples(const std::vector<std::vector<int32_t>> &lines, const BertTokenizer &tok, int seq,
                                               std::mt19937 &rng);
// Lower-cased, accents stripped, CJK spaced out: as bert-base-uncased and bert-base-chinese.
TokenizerOptions miniTokenizerOptions();
SpecialIds specialIdsOf(const Vocab &vocab);

} // namespace bertlens::train
