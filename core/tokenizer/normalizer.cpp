#include "tokenizer/normalizer.h"

namespace bertlens {

namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kFinalSigma = 0x03C2;

// Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables) and none
// after. Python's str.lower() applies it, so BERT's lower-casing does too.
bool isFinalSigma(std::u32string_view text, size_t i)
{
    auto skippable = [](char32_t c) { return unicode::isCaseIgnorable(c) || unicode::isBertControl(c); };
    size_t before = i;
    while (before > 0 && skippable(text[before - 1]))
        --before;
    if (before == 0 || !unicode::isCased(text[before - 1]))
        return false;
    size_t after = i + 1;
    while (after < text.size() && skippable(text[after]))
        ++after;
    return after == text.size() || !unicode::isCased(text[after]);
}

} // namespace

void Normalizer::normalize(std::u32string_view text, int originBase, NormalizedText &out) const
{
    auto emit = [&out](char32_t c, int origin) {
        out.text.push_back(c);
        out.origin.push_back(origin);
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const int origin = originBase + int(i);
        if (c == 0 || c == 0xFFFD || unicode::isBertControl(c))
            continue;
        if (unicode::isBertWhitespace(c)) {
            emit(U' ', origin);
            continue;
        }
        // As the reference: CJK ideographs are spaced out first, then go through lower-casing
        // and accent stripping like everything else, whose NFD maps the compatibility ideographs
        // (U+F900 豈 → U+8C48 豈).
        const bool spaced = m_options.spaceOutCjk && unicode::isCjkIdeograph(c);
        if (spaced)
            emit(U' ', origin);
        if (!m_options.lowercase && !m_options.stripAccents) {
            emit(c, origin);
            if (spaced)
                emit(U' ', origin);
            continue;
        }
        std::u32string lowered(1, c);
        if (m_options.lowercase)
            lowered = c == kCapitalSigma && isFinalSigma(text, i) ? std::u32string(1, kFinalSigma) : unicode::toLower(c);
        for (char32_t l : lowered) {
            if (!m_options.stripAccents) {
                emit(l, origin);
                continue;
            }
            for (char32_t s : unicode::stripAccents(l))
                emit(s, origin);
        }
        if (spaced)
            emit(U' ', origin);
    }
}

} // namespace bertlens
