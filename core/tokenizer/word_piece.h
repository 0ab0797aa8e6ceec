#pragma once

#include "tokenizer/unicode_text.h"
#include "tokenizer/vocab.h"

#include <vector>

namespace bertlens {

struct WordPieceToken {
    int id = 0;
    int begin = 0; // [begin, end) in the word's code points
    int end = 0;
};

// Greedy longest-match-first WordPiece; a word longer than maxCharsPerWord or with a part that
// matches nothing becomes a single unknown token.
class WordPiece {
public:
    WordPiece(const Vocab &vocab, int unknownId, int maxCharsPerWord = 100)
        : m_vocab(vocab), m_unknownId(unknownId), m_maxCharsPerWord(maxCharsPerWord)
    {
    }
    void tokenize(std::u32string_view word, std::vector<WordPieceToken> &out) const;

private:
    const Vocab &m_vocab;
    int m_unknownId;
    int m_maxCharsPerWord;
};

} // namespace bertlens
