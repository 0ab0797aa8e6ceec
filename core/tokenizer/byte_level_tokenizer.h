#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/bpe.h"
#include "tokenizer/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace bertlens {

class TokenizerJson;

// The tokenizer of GPT-2's family as RoBERTa ships it in tokenizer.json: added tokens first, then
// the ByteLevel pre-tokenizer (GPT-2's split, the byte alphabet; no prefix space), BPE, and the
// post-processor (RobertaProcessing: <s> A </s></s> B </s>, every type id 0), the spaces trimmed
// from offsets. A stage of another type is refused by name. As Hugging Face's tokenizers encode
// (tests/tokenizer/test_bpe.cpp): ids, offsets in code points, word ids.
class ByteLevelTokenizer : public Tokenizer {
public:
    static std::unique_ptr<ByteLevelTokenizer> fromJson(const TokenizerJson &json, const std::string &path);

    const char *modelKind() const override { return "BPE"; }

protected:
    std::vector<TokenPiece> split(std::string_view text, TokenizationSteps *steps) const override;
    std::string surface(int id, bool continuesWord) const override;
    std::string readable(const std::string &token) const override;

private:
    explicit ByteLevelTokenizer(Bpe bpe) : m_bpe(std::move(bpe)) {}

    Bpe m_bpe;
    std::vector<AddedToken> m_added;
    bool m_trimOffsets = true;
};

} // namespace bertlens
