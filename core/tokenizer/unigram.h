#pragma once

#include "tokenizer/bpe.h"
#include "tokenizer/unicode_text.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bertlens {

// SentencePiece's Unigram model as Hugging Face runs it (no byte fallback): the segmentation of a
// word with the highest sum of piece log-probabilities (Viterbi); a character no piece spells is
// the unknown token, scored 10 below the lowest piece, and neighbouring unknowns fuse into one.
// Work is O(n · longest piece) per word.
class Unigram {
public:
    // pieces: (piece, log-probability) by id.
    Unigram(const std::vector<std::pair<std::string, double>> &pieces, int unknownId);
    // Appends the pieces of `word` (ids and the code points they cover).
    void tokenize(std::u32string_view word, std::vector<BpeToken> &out) const;
    int size() const { return int(m_byId.size()); }
    const std::string &piece(int id) const { return m_byId.at(size_t(id)); }

private:
    std::unordered_map<std::u32string, std::pair<int, double>> m_pieces;
    std::vector<std::string> m_byId;
    size_t m_longest = 1;
    int m_unknownId;
    double m_unknownScore = 0;
};

} // namespace bertlens
