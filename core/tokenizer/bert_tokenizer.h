#pragma once

#include "tokenizer/normalizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/word_piece.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bertlens {

struct TokenizerOptions {
    NormalizerOptions normalizer;
    int maxCharsPerWord = 100;
};

// The original BERT tokenizer: normalize, split words, WordPiece, then [CLS] A [SEP] (B [SEP]).
// Special tokens typed literally in the text ("[MASK]") are kept whole, as HuggingFace does.
// BERT's tokenizer: normalize, split words, WordPiece, then [CLS] A [SEP] (B [SEP]). Special
// tokens typed literally in the text ("[MASK]") are kept whole, as HuggingFace does. From a
// vocab.txt it is the original BERT tokenizer (a tie in pair truncation shortens the second text);
// from a tokenizer.json, Hugging Face's (the first).
class BertTokenizer : public Tokenizer {
public:
    // Without a post-processor: the original's [CLS] A [SEP] B [SEP].
    BertTokenizer(Vocab vocab, TokenizerOptions options, std::optional<PostProcessor> post = std::nullopt);

    const char *modelKind() const override { return "WordPiece"; }
    const TokenizerOptions &options() const { return m_options; }

protected:
    std::vector<TokenPiece> split(std::string_view text, TokenizationSteps *steps) const override;
    std::string surface(int id, bool continuesWord) const override;

private:
    void tokenizeSegment(std::u32string_view segment, int originBase, std::vector<TokenPiece> &out, int &word,
                         TokenizationSteps *steps) const;

    TokenizerOptions m_options;
    Normalizer m_normalizer;
    std::unique_ptr<WordPiece> m_wordPiece; // refers to m_vocab, so it lives behind a pointer
    std::vector<std::pair<CodePoints, int>> m_literalSpecials;
};

} // namespace bertlens
