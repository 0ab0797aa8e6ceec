#pragma once

#include "tokenizer/encoding.h"
#include "tokenizer/post_processor.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/unicode_text.h"
#include "tokenizer/vocab.h"

#include <string>
#include <string_view>
#include <vector>

namespace bertlens {

// How one text became tokens, for a lesson: the text as the model saw it, its words and, for
// WordPiece, the greedy longest-match search (every candidate looked up, in order).
struct WordSplit {
    std::string word;
    std::vector<std::string> tried;  // WordPiece's candidates; empty for other models and typed special tokens
    std::vector<std::string> pieces; // as labelled for people ("[UNK]" alone when no split exists)
};
struct TokenizationSteps {
    std::string cleaned; // after normalization, as the tokenizer saw it
    std::vector<WordSplit> words;
};

// A tokenizer of any family, as the rest of BertLens uses it: text in, an Encoding out (ids,
// offsets, word ids, roles, readable labels), the vocabulary and the special tokens by role.
// A family supplies how a text splits into pieces and how its pieces read; the special tokens
// around them come from one PostProcessor (the family's template as data).
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // maxLength counts special tokens; 0 means no limit. Pairs are truncated longest-first.
    Encoding encode(std::string_view text, int maxLength = 0) const;
    Encoding encodePair(std::string_view textA, std::string_view textB, int maxLength = 0) const;
    // Text pieces (of an encoding cut into windows) with the family's special tokens around them.
    Encoding assemble(const std::vector<TokenPiece> &text) const;
    // The steps of encode(text) before the special tokens are added (the same code path).
    TokenizationSteps explain(std::string_view text) const;

    // The model that splits words: "WordPiece", "BPE" or "Unigram".
    virtual const char *modelKind() const = 0;
    // The id ↔ token table (for BPE and Unigram: the model's vocabulary and the added tokens).
    const Vocab &vocab() const { return m_vocab; }
    const SpecialTokens &special() const { return m_special; }
    const PostProcessor &postProcessor() const { return m_post; }
    int clsId() const { return m_special.cls; }
    int sepId() const { return m_special.sep; }
    int padId() const { return m_special.pad; }
    int unknownId() const { return m_special.unknown; }
    int maskId() const { return m_special.mask; } // -1 when the vocabulary has none
    // The mask token as typed in a text ("[MASK]", "<mask>"); empty when there is none.
    std::string maskToken() const { return m_special.mask >= 0 ? m_vocab.token(m_special.mask) : std::string(); }
    // A token as people read it: byte-level pieces decoded, Ġ and ▁ shown as spaces.
    std::string label(int id) const;

protected:
    // The pieces of one text; `steps` (may be null) receives what explain() shows.
    virtual std::vector<TokenPiece> split(std::string_view text, TokenizationSteps *steps) const = 0;
    // What token `id` adds to the spelling of its word, as its word's first token or a later one.
    virtual std::string surface(int id, bool continuesWord) const = 0;
    virtual std::string readable(const std::string &token) const { return token; }
    // The text's code points; an input error names the first byte that is not UTF-8.
    static CodePoints codePointsOf(std::string_view text);

    Vocab m_vocab;
    SpecialTokens m_special;
    PostProcessor m_post;

private:
    Encoding finish(Encoding e) const;
    static std::string shown(std::string readableText);
};

} // namespace bertlens
