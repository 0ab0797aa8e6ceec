#include "tokenizer/pre_tokenizer.h"

namespace bertlens {

std::vector<WordSpan> splitWords(const CodePoints &text)
{
    std::vector<WordSpan> words;
    int wordStart = -1;
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const char32_t c = text[size_t(i)];
        const bool separator = unicode::isWordSeparator(c);
        const bool punctuation = !separator && unicode::isBertPunctuation(c);
        if (separator || punctuation) {
            if (wordStart >= 0)
                words.push_back({wordStart, i});
            wordStart = -1;
            if (punctuation)
                words.push_back({i, i + 1});
        } else if (wordStart < 0) {
            wordStart = i;
        }
    }
    if (wordStart >= 0)
        words.push_back({wordStart, n});
    return words;
}

} // namespace bertlens
