#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/normalizer_stages.h"
#include "tokenizer/pre_tokenizer_stages.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/unigram.h"

#include <memory>
#include <string>

namespace bertlens {

class TokenizerJson;

// SentencePiece's Unigram tokenizers as tokenizer.json carries them (XLM-R, T5, the
// paraphrase-multilingual sentence-transformers): added tokens first, then the normalizer stages
// (Precompiled, Replace…), the pre-tokenizer stages (Metaspace…), Unigram, and the post-processor
// template. As Hugging Face's tokenizers encode (tests/tokenizer/test_unigram.cpp).
class SentencePieceTokenizer : public Tokenizer {
public:
    static std::unique_ptr<SentencePieceTokenizer> fromJson(const TokenizerJson &json, const std::string &path);

    const char *modelKind() const override { return "Unigram"; }

protected:
    std::vector<TokenPiece> split(std::string_view text, TokenizationSteps *steps) const override;
    std::string surface(int id, bool continuesWord) const override;
    std::string readable(const std::string &token) const override;

private:
    SentencePieceTokenizer(Unigram model, NormalizerStages normalizer, PreTokenizerStages preTokenizer)
        : m_model(std::move(model)), m_normalizer(std::move(normalizer)), m_preTokenizer(std::move(preTokenizer))
    {
    }

    Unigram m_model;
    NormalizerStages m_normalizer;
    PreTokenizerStages m_preTokenizer;
    std::vector<AddedToken> m_added;
};

} // namespace bertlens
