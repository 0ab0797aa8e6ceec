#include "tokenizer/precompiled_charsmap.h"

#include "common/error.h"

#include <QChar>

#include <cstring>

namespace bertlens {

namespace {

// The fields of a double-array unit (SentencePiece's Darts clone).
uint32_t offsetOf(uint32_t unit) { return (unit >> 10) << ((unit & (1u << 9)) >> 6); }
uint32_t labelOf(uint32_t unit) { return unit & ((1u << 31) | 0xFFu); }
bool hasLeaf(uint32_t unit) { return (unit >> 8) & 1u; }
uint32_t valueOf(uint32_t unit) { return unit & ((1u << 31) - 1); }

bool isControl(char32_t c)
{
    const auto cat = QChar::category(c);
    return cat == QChar::Other_Control || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph
           || (cat == QChar::Other_Format && c != 0x200C && c != 0x200D);
}

bool isExtend(char32_t c)
{
    const auto cat = QChar::category(c);
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing || cat == QChar::Mark_SpacingCombining
           || c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)
           || (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

bool isPictographic(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF)
           || c == 0x00A9 || c == 0x00AE || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF);
}

bool isRegionalIndicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

enum class Jamo { None, L, V, T, LV, LVT };
Jamo jamoOf(char32_t c)
{
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
        return Jamo::L;
    if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
        return Jamo::V;
    if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
        return Jamo::T;
    if (c >= 0xAC00 && c <= 0xD7A3)
        return (c - 0xAC00) % 28 == 0 ? Jamo::LV : Jamo::LVT;
    return Jamo::None;
}

bool joins(std::u32string_view text, size_t i, int regionalRun)
{
    const char32_t a = text[i - 1], b = text[i];
    if (a == '\r' && b == '\n')
        return true;
    if (isControl(a) || isControl(b) || a == '\r' || a == '\n' || b == '\r' || b == '\n')
        return false;
    const Jamo ja = jamoOf(a), jb = jamoOf(b);
    if (ja == Jamo::L && (jb == Jamo::L || jb == Jamo::V || jb == Jamo::LV || jb == Jamo::LVT))
        return true;
    if ((ja == Jamo::LV || ja == Jamo::V) && (jb == Jamo::V || jb == Jamo::T))
        return true;
    if ((ja == Jamo::LVT || ja == Jamo::T) && jb == Jamo::T)
        return true;
    if (isExtend(b))
        return true;
    if (a == 0x200D && isPictographic(b))
        return true;
    return isRegionalIndicator(a) && isRegionalIndicator(b) && regionalRun % 2 == 1;
}

} // namespace

std::vector<int> graphemeStarts(std::u32string_view text)
{
    std::vector<int> starts;
    int regionalRun = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i == 0 || !joins(text, i, regionalRun))
            starts.push_back(int(i));
        regionalRun = isRegionalIndicator(text[i]) ? regionalRun + 1 : 0;
    }
    return starts;
}

PrecompiledCharsmap::PrecompiledCharsmap(const std::string &data, const std::string &path)
{
    uint32_t trieBytes = 0;
    if (data.size() < 4 || (std::memcpy(&trieBytes, data.data(), 4), trieBytes % 4 != 0) || trieBytes > data.size() - 4
        || trieBytes == 0)
        throw modelError(path + ": the Precompiled normalizer's charsmap is not a trie followed by replacements");
    m_trie.resize(trieBytes / 4);
    std::memcpy(m_trie.data(), data.data() + 4, trieBytes); // little-endian, as every machine BertLens runs on
    m_replacements = data.substr(4 + trieBytes);
}

bool PrecompiledCharsmap::replacement(std::string_view utf8, std::string_view &out) const
{
    size_t node = offsetOf(m_trie[0]);
    for (unsigned char c : utf8) {
        if (c == 0)
            return false;
        node ^= c;
        if (node >= m_trie.size())
            return false;
        const uint32_t unit = m_trie[node];
        if (labelOf(unit) != c)
            return false;
        node ^= offsetOf(unit);
        if (node >= m_trie.size())
            return false;
        if (hasLeaf(unit)) {
            const size_t at = valueOf(m_trie[node]);
            if (at >= m_replacements.size())
                return false;
            const size_t end = m_replacements.find('\0', at);
            out = std::string_view(m_replacements).substr(at, (end == std::string::npos ? m_replacements.size() : end) - at);
            return true; // the shortest match, as Hugging Face takes it
        }
    }
    return false;
}

void PrecompiledCharsmap::normalize(NormalizedString &s) const
{
    std::vector<std::pair<char32_t, int>> changes;
    changes.reserve(s.text.size());
    bool modified = false;
    auto replace = [&changes](size_t oldCount, std::string_view with) {
        CodePoints cps;
        decodeUtf8(with, cps);
        for (char32_t c : cps)
            changes.emplace_back(c, 0);
        const long diff = long(cps.size()) - long(oldCount);
        if (diff > 0)
            for (size_t i = changes.size() - size_t(diff); i < changes.size(); ++i)
                changes[i].second = 1;
        else if (diff < 0 && !changes.empty()) // the removed code points go with the last one kept so far
            changes.back().second += int(diff);
    };
    std::vector<int> starts = graphemeStarts(s.text);
    starts.push_back(int(s.text.size()));
    std::string_view found;
    for (size_t g = 0; g + 1 < starts.size(); ++g) {
        const std::u32string_view grapheme = std::u32string_view(s.text).substr(size_t(starts[g]), size_t(starts[g + 1] - starts[g]));
        const std::string bytes = encodeUtf8(grapheme);
        if (bytes.size() < 6 && replacement(bytes, found)) {
            modified = true;
            replace(grapheme.size(), found);
            continue;
        }
        for (char32_t c : grapheme) {
            if (replacement(encodeUtf8(std::u32string_view(&c, 1)), found)) {
                modified = true;
                replace(1, found);
            } else {
                changes.emplace_back(c, 0);
            }
        }
    }
    if (modified)
        s.transform(changes);
}

} // namespace bertlens

