#pragma once

#include "tokenizer/normalized_string.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bertlens {

// SentencePiece's normalizer as tokenizer.json carries it ("Precompiled", XLM-R's and T5's): a
// double-array trie over UTF-8 bytes whose values point into a table of replacement strings
// (NFKC and SentencePiece's own rules, compiled). Applied as Hugging Face's tokenizers apply it:
// grapheme by grapheme, a grapheme shorter than 6 bytes replaced whole when the trie knows it,
// otherwise code point by code point.
class PrecompiledCharsmap {
public:
    // The decoded "precompiled_charsmap" (base64 already undone). A model error names `path`
    // when the trie or a replacement lies outside the data.
    PrecompiledCharsmap(const std::string &data, const std::string &path);

    void normalize(NormalizedString &s) const;
    // The replacement of the shortest prefix of `utf8` the trie holds; false when none.
    bool replacement(std::string_view utf8, std::string_view &out) const;

private:
    std::vector<uint32_t> m_trie;
    std::string m_replacements;
};

// Extended grapheme clusters of `text` (UAX #29's main rules: CR LF, controls, combining and
// spacing marks, Hangul syllables, regional-indicator pairs, emoji ZWJ sequences), as the index
// of each cluster's first code point.
std::vector<int> graphemeStarts(std::u32string_view text);

} // namespace bertlens
