#pragma once

#include "tokenizer/unicode_text.h"

#include <vector>

namespace bertlens {

// A word of normalized text: [begin, end) in code points.
struct WordSpan {
    int begin = 0;
    int end = 0;
};

// Splits normalized text on whitespace, then isolates every punctuation character as a word.
std::vector<WordSpan> splitWords(const CodePoints &normalized);

} // namespace bertlens
