#pragma once

#include "tokenizer/unicode_text.h"

#include <vector>

namespace bertlens {

struct NormalizerOptions {
    bool lowercase = true;
    bool stripAccents = true;
    bool spaceOutCjk = true;
};

// Normalized text plus, for every normalized code point, the index of the original code point
// it came from, so that tokens can be mapped back to the user's text.
struct NormalizedText {
    CodePoints text;
    std::vector<int> origin;
};

// BERT's clean-up: drop NUL, U+FFFD and control characters, turn whitespace into spaces, put
// spaces around CJK ideographs, then optionally lower-case and strip accents.
class Normalizer {
public:
    explicit Normalizer(NormalizerOptions options) : m_options(options) {}
    // originBase is added to every origin index (for text that is a slice of a longer input).
    void normalize(std::u32string_view text, int originBase, NormalizedText &out) const;

private:
    NormalizerOptions m_options;
};

} // namespace bertlens
