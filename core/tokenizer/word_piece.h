#pragma once

#include "tokenizer/unicode_text.h"
#include "tokenizer/vocab.h"

#include <string>
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
    // With `tried`, every candidate looked up is appended in the order tried (longest first,
    // "##" on continuations): the greedy search as a lesson shows it.
    void tokenize(std::u32string_view word, std::vector<WordPieceToken> &out, std::vector<std::string> *tried = nullptr) const;

private:
    const Vocab &m_vocab;
    int m_unknownId;
    int m_maxCharsPerWord;
};

} // namespace bertlens
