#include "tokenizer/normalizer.h"

namespace bertlens {

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
        if (m_options.spaceOutCjk && unicode::isCjkIdeograph(c)) {
            emit(U' ', origin);
            emit(c, origin);
            emit(U' ', origin);
            continue;
        }
        if (!m_options.lowercase && !m_options.stripAccents) {
            emit(c, origin);
            continue;
        }
        const std::u32string lowered = m_options.lowercase ? unicode::toLower(c) : std::u32string(1, c);
        for (char32_t l : lowered) {
            if (!m_options.stripAccents) {
                emit(l, origin);
                continue;
            }
            for (char32_t s : unicode::stripAccents(l))
                emit(s, origin);
        }
    }
}

} // namespace bertlens
