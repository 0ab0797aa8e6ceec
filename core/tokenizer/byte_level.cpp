#include "tokenizer/byte_level.h"

#include <QChar>

#include <array>

namespace bertlens {

namespace {

// The printable bytes stand for themselves; the others, in order, for U+0100 onwards.
struct Alphabet {
    std::array<char32_t, 256> charOf{};
    Alphabet()
    {
        int next = 0;
        for (int b = 0; b < 256; ++b) {
            const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            charOf[size_t(b)] = printable ? char32_t(b) : char32_t(256 + next++);
        }
    }
};

const Alphabet &alphabet()
{
    static const Alphabet a;
    return a;
}

bool isLetter(char32_t c) { return QChar::isLetter(c); }
bool isNumber(char32_t c) { return QChar::isNumber(c); }
bool isSpace(char32_t c) { return QChar::isSpace(c); }

// The length of the alternative of GPT-2's pattern that matches at `at`, in the pattern's order.
size_t matchAt(std::u32string_view t, size_t at)
{
    const size_t n = t.size();
    for (const char32_t *c : {U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"}) {
        const std::u32string_view contraction(c);
        if (t.substr(at, contraction.size()) == contraction)
            return contraction.size();
    }
    const size_t afterSpace = at + (t[at] == U' ' ? 1 : 0);
    auto run = [&](size_t from, auto inClass) {
        size_t end = from;
        while (end < n && inClass(t[end]))
            ++end;
        return end;
    };
    for (auto inClass : {+[](char32_t c) { return isLetter(c); }, +[](char32_t c) { return isNumber(c); },
                         +[](char32_t c) { return !isSpace(c) && !isLetter(c) && !isNumber(c); }}) {
        const size_t end = run(afterSpace, inClass);
        if (end > afterSpace)
            return end - at;
    }
    // \s+(?!\S): the run of whitespace, less its last character when a non-space follows; else \s+.
    const size_t end = run(at, isSpace);
    if (end == n || end - at < 2)
        return end - at;
    return end - at - 1;
}

} // namespace

char32_t byteLevelChar(uint8_t byte) { return alphabet().charOf[byte]; }

int byteOfByteLevelChar(char32_t c)
{
    for (int b = 0; b < 256; ++b)
        if (alphabet().charOf[size_t(b)] == c)
            return b;
    return -1;
}

std::vector<WordSpan> splitByteLevelWords(std::u32string_view text)
{
    std::vector<WordSpan> words;
    for (size_t at = 0; at < text.size();) {
        const size_t length = std::max<size_t>(1, matchAt(text, at));
        words.push_back({int(at), int(at + length)});
        at += length;
    }
    return words;
}

ByteLevelWord toByteLevel(std::u32string_view word)
{
    ByteLevelWord out;
    for (size_t i = 0; i < word.size(); ++i)
        for (const unsigned char byte : encodeUtf8(word.substr(i, 1))) {
            out.text += byteLevelChar(byte);
            out.source.push_back(int(i));
        }
    return out;
}

} // namespace bertlens
