#pragma once

#include <string>
#include <string_view>

namespace bertlens {

// Text inside the tokenizer is a sequence of Unicode code points, so that offsets count code
// points (as Python's str and HuggingFace's offsets do), not UTF-8 bytes or UTF-16 units.
using CodePoints = std::u32string;

// Strict decoding: returns false (and the byte offset of the first bad sequence) for invalid
// UTF-8, overlong forms, surrogates and values above U+10FFFF.
bool decodeUtf8(std::string_view bytes, CodePoints &out, size_t *badByteOffset = nullptr);
std::string encodeUtf8(std::u32string_view text);

namespace unicode {
// The character classes of the original BERT tokenizer (tokenization.py), on code points.
bool isBertWhitespace(char32_t c);   // becomes a plain space during clean-up
bool isWordSeparator(char32_t c);    // splits words after clean-up (Python's str.split())
bool isBertControl(char32_t c);      // dropped during clean-up
bool isBertPunctuation(char32_t c);  // split off as its own word
bool isCjkIdeograph(char32_t c);     // spaced out as its own word
// Python's str.lower() for one code point; may return more than one code point. Capital sigma
// is handled by the normalizer, which sees its neighbours (final sigma rule).
std::u32string toLower(char32_t c);
// Unicode's Cased and Case_Ignorable properties, as the final sigma rule uses them.
bool isCased(char32_t c);
bool isCaseIgnorable(char32_t c);
// NFD of one code point with the nonspacing marks (Mn) removed.
std::u32string stripAccents(char32_t c);
} // namespace unicode

} // namespace bertlens
