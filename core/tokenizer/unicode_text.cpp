#include "tokenizer/unicode_text.h"

#include <QChar>
#include <QList>
#include <QString>

namespace bertlens {

bool decodeUtf8(std::string_view bytes, CodePoints &out, size_t *badByteOffset)
{
    out.clear();
    out.reserve(bytes.size());
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    auto fail = [&](size_t at) {
        if (badByteOffset)
            *badByteOffset = at;
        return false;
    };
    while (i < n) {
        const unsigned char b = s[i];
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        }
        int extra;
        char32_t cp;
        char32_t minimum;
        if ((b & 0xE0) == 0xC0) {
            extra = 1, cp = b & 0x1F, minimum = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2, cp = b & 0x0F, minimum = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3, cp = b & 0x07, minimum = 0x10000;
        } else {
            return fail(i);
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
                return fail(i);
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail(i);
        out.push_back(cp);
        i += extra + 1;
    }
    return true;
}

std::string encodeUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(char(c));
        } else if (c < 0x800) {
            out.push_back(char(0xC0 | (c >> 6)));
            out.push_back(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(char(0xE0 | (c >> 12)));
            out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(char(0x80 | (c & 0x3F)));
        } else {
            out.push_back(char(0xF0 | (c >> 18)));
            out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(char(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

namespace unicode {

bool isBertWhitespace(char32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return true;
    return QChar::category(c) == QChar::Separator_Space;
}

bool isWordSeparator(char32_t c)
{
    // After clean-up only spaces and the line/paragraph separators (which BERT neither drops nor
    // turns into spaces, but Python's split() splits on) are left.
    if (c == ' ')
        return true;
    const auto cat = QChar::category(c);
    return cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph;
}

bool isBertControl(char32_t c)
{
    if (c == '\t' || c == '\n' || c == '\r')
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

bool isBertPunctuation(char32_t c)
{
    // BERT treats every non-alphanumeric ASCII symbol ($, +, ^, `...) as punctuation, even those
    // Unicode files under symbols.
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126))
        return true;
    switch (QChar::category(c)) {
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
        return true;
    default:
        return false;
    }
}

bool isCjkIdeograph(char32_t c)
{
    // The CJK Unified Ideographs blocks as BERT lists them; Hiragana, Katakana and Hangul are
    // deliberately not included.
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

std::u32string toLower(char32_t c)
{
    if (c < 0x80)
        return std::u32string(1, (c >= 'A' && c <= 'Z') ? c + 32 : c);
    // The one unconditional multi-character lower-case mapping in SpecialCasing.txt.
    if (c == 0x0130)
        return U"i\u0307";
    return std::u32string(1, QChar::toLower(c));
}

bool isCased(char32_t c)
{
    return QChar::isLower(c) || QChar::isUpper(c) || QChar::isTitleCase(c);
}

bool isCaseIgnorable(char32_t c)
{
    switch (c) {
    case 0x0027: case 0x002E: case 0x003A: case 0x00B7: case 0x0387: case 0x055F: case 0x05F4: case 0x2018:
    case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52: case 0xFE55: case 0xFF07: case 0xFF0E:
    case 0xFF1A:
        return true; // Word_Break MidLetter, MidNumLet, Single_Quote
    default:
        break;
    }
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        return false;
    }
}

std::u32string stripAccents(char32_t c)
{
    if (c < 0x80)
        return std::u32string(1, c);
    const QString nfd = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_D);
    std::u32string out;
    for (char32_t d : nfd.toUcs4()) {
        if (QChar::category(d) != QChar::Mark_NonSpacing)
            out.push_back(d);
    }
    return out;
}

} // namespace unicode
} // namespace bertlens
