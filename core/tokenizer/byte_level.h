#pragma once

#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/unicode_text.h"

#include <cstdint>
#include <vector>

namespace bertlens {

// GPT-2's byte-level alphabet, as Hugging Face's ByteLevel pre-tokenizer uses it: every byte of
// the UTF-8 text is written as one printable code point (the space as 'Ġ', U+0120), so that a
// BPE vocabulary spells any text without an unknown token.
char32_t byteLevelChar(uint8_t byte);
// The byte a byte-level code point stands for; -1 for any other code point.
int byteOfByteLevelChar(char32_t c);

// GPT-2's split into words (its regular expression
// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+), in code points.
std::vector<WordSpan> splitByteLevelWords(std::u32string_view text);

// A word in the byte-level alphabet, and for each of its code points the index (in the word) of
// the code point whose UTF-8 byte it stands for.
struct ByteLevelWord {
    CodePoints text;
    std::vector<int> source;
};
ByteLevelWord toByteLevel(std::u32string_view word);

} // namespace bertlens
