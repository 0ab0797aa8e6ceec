#pragma once

#include "analysis/matrix.h"
#include "tokenizer/encoding.h"

#include <string>
#include <vector>

namespace bertlens {

class ChineseSegmenter;

// Which tokens make each word of an encoding: the tokens of one word id (a word and its
// continuations, as the tokenizer split the text); with a
// segmenter, runs of Chinese characters grouped into dictionary words (without one, each
// character stays a word, as BERT's Chinese models see them). [CLS] and [SEP] are words of their own.
struct WordGroups {
    std::vector<std::vector<int>> tokens; // per word, its token indices in order
    std::vector<std::string> labels;      // the word as its pieces spell it (their surfaces joined)
    std::vector<int> wordOfToken;         // per token, its word
    int size() const { return int(tokens.size()); }
};

WordGroups groupWords(const Encoding &encoding, const ChineseSegmenter *segmenter = nullptr);

// Attention [T, T] → [W, W]: a word's row is the mean of its tokens' rows, its column the sum of
// its tokens' columns, so rows still sum to 1.
Matrix wordAttention(const Matrix &attention, const WordGroups &words);
// Vectors [T, H] → [W, H]: a word's vector is the mean of its tokens'.
Matrix wordVectors(const Matrix &vectors, const WordGroups &words);

} // namespace bertlens
