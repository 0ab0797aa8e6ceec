#pragma once

#include "tokenizer/unicode_text.h"

#include <vector>

namespace bertlens {

// A word as SentencePiece models see it, and for each of its code points the code point of the
// text it stands for.
struct MetaspaceWord {
    CodePoints text;
    std::vector<int> origin;
};

// Hugging Face's WhitespaceSplit then Metaspace (replacement '▁', prepend_scheme "always", as T5's
// and XLM-R's tokenizer.json have them): words split at whitespace, each prefixed with '▁', which
// stands for the word's first character.
std::vector<MetaspaceWord> metaspaceWords(std::u32string_view text);

} // namespace bertlens
