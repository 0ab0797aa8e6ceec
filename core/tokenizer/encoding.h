#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bertlens {

// What a token is for, told by the tokenizer (never by its spelling, which differs between
// families: [MASK] or <mask>, [CLS] or <s>).
enum class TokenRole : uint8_t {
    Text,    // a piece of the input text
    Cls,     // the classification token the post-processor puts first
    Sep,     // a separator (or end token) the post-processor adds
    Pad,
    Mask,    // a mask token, typed in the text
    Unknown, // the unknown token standing for text the vocabulary cannot spell
};

// One tokenized input ([CLS] A [SEP] or [CLS] A [SEP] B [SEP]), aligned with the original text.
struct Encoding {
    std::vector<int> ids;
    std::vector<int> typeIds;
    std::vector<std::string> tokens;           // as in the vocabulary ('##' continuations, 'Ġ' spaces…)
    std::vector<std::pair<int, int>> offsets;  // [start, end) in code points of the original text
    std::vector<bool> specialMask;             // true for the tokens the post-processor added
    std::vector<TokenRole> roles;
    // The word of each token within its text (0, 1, … as the pre-tokenizer split it; a special
    // token typed in the text is a word of its own); -1 for the post-processor's tokens. As
    // Hugging Face's word_ids().
    std::vector<int> wordIds;
    // What each token adds to the spelling of its word ("##ing" → "ing"), for word labels.
    std::vector<std::string> surfaces;
    // How each token reads for people: as `tokens`, but byte-level pieces decoded and the space
    // markers Ġ and ▁ shown as spaces (what the views label tokens with).
    std::vector<std::string> labels;
    bool truncated = false;
    int window = 0, windows = 1;               // of a long text shown one overlapping window at a time
    int untruncatedLength = 0;                 // tokens before truncation, special tokens included

    int size() const { return int(ids.size()); }
    // Whether token i continues the word of token i − 1.
    bool continuesWord(int i) const
    {
        return i > 0 && wordIds[size_t(i)] >= 0 && wordIds[size_t(i)] == wordIds[size_t(i - 1)]
               && typeIds[size_t(i)] == typeIds[size_t(i - 1)];
    }
    // The position of every token of this role.
    std::vector<int> positionsOf(TokenRole role) const
    {
        std::vector<int> out;
        for (int i = 0; i < size(); ++i)
            if (roles[size_t(i)] == role)
                out.push_back(i);
        return out;
    }
};

} // namespace bertlens
