#pragma once

#include "tokenizer/encoding.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/vocab.h"
#include "tokenizer/word_piece.h"

#include <memory>
#include <string>
#include <string_view>

namespace bertlens {

struct TokenizerOptions {
    NormalizerOptions normalizer;
    int maxCharsPerWord = 100;
};

// How one text became WordPieces, for a lesson: the cleaned text, its words, and for each word
// the greedy longest-match search (every candidate looked up, in order) and the pieces it kept.
struct WordSplit {
    std::string word;
    std::vector<std::string> tried;  // empty for a special token typed literally ("[MASK]")
    std::vector<std::string> pieces; // "[UNK]" alone when no split exists
};
struct TokenizationSteps {
    std::string cleaned; // after clean-up, CJK spacing, lower-casing and accent stripping, as the tokenizer saw it
    std::vector<WordSplit> words;
};

// The original BERT tokenizer: normalize, split words, WordPiece, then [CLS] A [SEP] (B [SEP]).
// Special tokens typed literally in the text ("[MASK]") are kept whole, as HuggingFace does.
class BertTokenizer {
public:
    BertTokenizer(Vocab vocab, TokenizerOptions options);

    // maxLength counts special tokens; 0 means no limit. Pairs are truncated longest-first.
    Encoding encode(std::string_view text, int maxLength = 0) const;
    Encoding encodePair(std::string_view textA, std::string_view textB, int maxLength = 0) const;

    // The steps of encode(text) before [CLS]/[SEP] are added (the same code path).
    TokenizationSteps explain(std::string_view text) const;

    const Vocab &vocab() const { return m_vocab; }
    const TokenizerOptions &options() const { return m_options; }
    int clsId() const { return m_special.cls; }
    int sepId() const { return m_special.sep; }
    int padId() const { return m_special.pad; }
    int unknownId() const { return m_special.unknown; }
    int maskId() const { return m_special.mask; } // -1 when the vocabulary has none
    // The mask token as typed in a text ("[MASK]"); empty when there is none.
    std::string maskToken() const { return m_special.mask >= 0 ? m_vocab.token(m_special.mask) : std::string(); }

private:
    struct Piece {
        int id;
        int begin;
        int end;
        int word; // within its text
    };
    std::vector<Piece> tokenize(std::string_view text, TokenizationSteps *steps = nullptr) const;
    void tokenizeSegment(std::u32string_view segment, int originBase, std::vector<Piece> &out, int &word,
                         TokenizationSteps *steps) const;
    Encoding assemble(const std::vector<Piece> &a, const std::vector<Piece> *b, int maxLength) const;

    Vocab m_vocab;
    TokenizerOptions m_options;
    Normalizer m_normalizer;
    std::unique_ptr<WordPiece> m_wordPiece; // refers to m_vocab, so it lives behind a pointer
    SpecialTokens m_special;
    std::vector<std::pair<CodePoints, int>> m_literalSpecials;
};

} // namespace bertlens
