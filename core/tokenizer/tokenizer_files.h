#pragma once

#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace bertlens {

// The tokenizer a model folder's file describes. vocab.txt: the original BERT tokenizer with
// `options`. tokenizer.json: its model picks the family — WordPiece (BertNormalizer and
// BertPreTokenizer; the file's normalizer settings override `options`), BPE (byte-level, as
// RoBERTa's) or Unigram (SentencePiece's, as XLM-R's and T5's) — and a stage of a type BertLens
// does not run is a model error that names it and the file.
std::unique_ptr<Tokenizer> readTokenizer(const std::string &path, TokenizerOptions options);

} // namespace bertlens
