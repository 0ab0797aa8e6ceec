#pragma once

#include "tokenizer/unicode_text.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bertlens {

// A piece of a word found by BPE: its id and the code points [begin, end) of the word it covers.
struct BpeToken {
    int id;
    int begin;
    int end;
};

// Byte-pair encoding as Hugging Face's BPE model runs it (dropout off): a word starts as its
// characters and the pair of neighbours with the lowest merge rank is joined until no listed
// merge applies. A heap of candidate merges keeps a word of n characters at O(n log n) — a text
// from a stranger may hold one very long "word".
class Bpe {
public:
    // vocab: token → id; merges: pairs of tokens in rank order. A merge whose parts or result are
    // not in the vocabulary is a model error naming it.
    Bpe(std::unordered_map<std::string, int> vocab, const std::vector<std::pair<std::string, std::string>> &merges,
        int unknownId = -1);

    // Appends the tokens of `word`; a character outside the vocabulary becomes unknownId (or is a
    // model error without one).
    void tokenize(std::u32string_view word, std::vector<BpeToken> &out) const;
    int idOf(const std::string &token) const;
    int size() const { return int(m_vocab.size()); }
    // The vocabulary by id (a gap in the ids left empty).
    std::vector<std::string> tokensById() const;

private:
    struct Merge {
        int rank;
        int id;
    };
    static uint64_t key(int a, int b) { return (uint64_t(uint32_t(a)) << 32) | uint32_t(b); }
    std::unordered_map<std::string, int> m_vocab;
    std::unordered_map<uint64_t, Merge> m_merges;
    int m_unknownId;
};

} // namespace bertlens
