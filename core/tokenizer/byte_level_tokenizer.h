#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/bpe.h"
#include "tokenizer/encoding.h"
#include "tokenizer/special_tokens.h"

#include <string>
#include <string_view>
#include <vector>

namespace bertlens {

class TokenizerJson;

// The tokenizer of GPT-2's family as RoBERTa ships it in tokenizer.json: added tokens first, then
// the ByteLevel pre-tokenizer (GPT-2's split, the byte alphabet; no prefix space), BPE, and
// RobertaProcessing (<s> A </s>, or <s> A </s></s> B </s>, every type id 0, the spaces trimmed
// from offsets). A stage of another type is refused by name. As Hugging Face's tokenizers encode
// (tests/tokenizer/test_bpe.cpp): ids, offsets in code points, word ids.
class ByteLevelTokenizer {
public:
    static ByteLevelTokenizer fromJson(const TokenizerJson &json, const std::string &path);

    // maxLength counts special tokens; 0: no limit. Pairs lose tokens longest-first, the first
    // text on a tie (as Hugging Face's LongestFirst).
    Encoding encode(std::string_view text, int maxLength = 0) const;
    Encoding encodePair(std::string_view textA, std::string_view textB, int maxLength = 0) const;

    int clsId() const { return m_special.cls; }
    int sepId() const { return m_special.sep; }
    int padId() const { return m_special.pad; }
    int maskId() const { return m_special.mask; }
    const std::string &token(int id) const { return m_tokens.at(size_t(id)); }
    int vocabSize() const { return int(m_tokens.size()); }

private:
    ByteLevelTokenizer(Bpe bpe) : m_bpe(std::move(bpe)) {}
    struct Piece {
        int id, begin, end, word;
    };
    std::vector<Piece> tokenize(std::string_view text) const;
    Encoding assemble(const std::vector<Piece> &a, const std::vector<Piece> *b, int maxLength) const;

    Bpe m_bpe;
    std::vector<AddedToken> m_added;
    std::vector<std::string> m_tokens; // by id
    SpecialTokens m_special;
    bool m_trimOffsets = true;
};

} // namespace bertlens
