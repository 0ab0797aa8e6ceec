#pragma once

#include "tokenizer/unicode_text.h"

#include <string>
#include <vector>

namespace bertlens {

// A token of tokenizer.json's "added_tokens": matched in the text before any other stage.
struct AddedToken {
    std::string content;
    int id = -1;
    bool special = false;
    bool lstrip = false;     // the match takes the whitespace on its left
    bool rstrip = false;     // and on its right
    bool singleWord = false; // only where it is not inside a word
};

// A stretch of the text: either plain text for the other stages, or one added token.
struct TextSegment {
    int begin, end;        // code points of the text; for a token, the token's own characters
    int addedToken = -1;   // index into the added tokens, or -1 for plain text
};

// Splits `text` at its added tokens as Hugging Face's AddedVocabulary does: at each position the
// longest token that matches, earliest first; lstrip/rstrip absorb the neighbouring whitespace
// into the match (the plain text around loses it); single_word tokens only where no word
// character touches them. Empty plain stretches are left out.
std::vector<TextSegment> splitAddedTokens(std::u32string_view text, const std::vector<AddedToken> &tokens);

} // namespace bertlens
