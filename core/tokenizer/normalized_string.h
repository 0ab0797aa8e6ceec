#pragma once

#include "tokenizer/unicode_text.h"

#include <utility>
#include <vector>

namespace bertlens {

// A text being normalized, each of its code points aligned with the code points [begin, end) of
// the original text it came from — Hugging Face's NormalizedString, so that offsets survive every
// normalizer and pre-tokenizer stage exactly as theirs do.
struct NormalizedString {
    CodePoints text;
    std::vector<std::pair<int, int>> align;

    static NormalizedString of(std::u32string_view original);

    // One change per new code point, as Hugging Face's transform(): 0 replaces the next original
    // code point (and takes its alignment), 1 is inserted (aligned with the code point before it;
    // at the start, with the empty range at `frameStart`), -n also removes the n code points
    // after the one it replaces. `skipFirst` code points are removed before the first change.
    void transform(const std::vector<std::pair<char32_t, int>> &changes, int skipFirst = 0, int frameStart = 0);

    // The original range of code points [first, last) of this text: first's begin to last's end.
    std::pair<int, int> originalRange(int first, int last) const;
    NormalizedString slice(int first, int last) const;
};

} // namespace bertlens
