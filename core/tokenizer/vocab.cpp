#include "tokenizer/vocab.h"

#include "common/error.h"
#include "common/small_file.h"
#include "tokenizer/unicode_text.h"


namespace bertlens {

namespace {
// Python's str.strip(): the original loader strips every line, so an entry that is only
// U+2028 (bert-base-chinese has two) becomes '' and can never match.
std::string stripPython(const std::string &line, const std::string &path, int lineNo)
{
    CodePoints cps;
    size_t bad = 0;
    if (!decodeUtf8(line, cps, &bad))
        throw modelError(path + ": line " + std::to_string(lineNo) + " is not valid UTF-8 (byte "
                         + std::to_string(bad) + ")");
    auto isSpace = [](char32_t c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0
            || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
            || c == 0x205F || c == 0x3000;
    };
    size_t b = 0, e = cps.size();
    while (b < e && isSpace(cps[b]))
        ++b;
    while (e > b && isSpace(cps[e - 1]))
        --e;
    return encodeUtf8(std::u32string_view(cps).substr(b, e - b));
}
} // namespace

Vocab Vocab::load(const std::string &path)
{
    const std::string bytes = readSmallFile(path, kMaxModelTextBytes, ErrorKind::Model);
    std::vector<std::string> tokens;
    size_t start = 0;
    int lineNo = 1;
    // Split on '\n' only: other line separators can be part of an entry.
    while (start < bytes.size()) {
        size_t end = bytes.find('\n', start);
        if (end == std::string::npos)
            end = bytes.size();
        tokens.push_back(stripPython(bytes.substr(start, end - start), path, lineNo++));
        start = end + 1;
    }
    if (tokens.empty())
        throw modelError(path + ": the vocabulary file is empty");
    Vocab vocab = fromTokens(std::move(tokens));
    vocab.m_path = path;
    return vocab;
}

Vocab Vocab::fromTokens(std::vector<std::string> tokens)
{
    Vocab vocab;
    vocab.m_tokens = std::move(tokens);
    vocab.m_ids.reserve(vocab.m_tokens.size());
    for (size_t i = 0; i < vocab.m_tokens.size(); ++i)
        vocab.m_ids[vocab.m_tokens[i]] = int(i); // a repeated entry maps to its last line, as in BERT
    return vocab;
}

int Vocab::id(const std::string &token) const
{
    const auto it = m_ids.find(token);
    return it == m_ids.end() ? -1 : it->second;
}

int Vocab::requiredId(const std::string &token) const
{
    const int found = id(token);
    if (found < 0)
        throw modelError((m_path.empty() ? std::string("vocabulary") : m_path) + ": required token " + token
                         + " is missing");
    return found;
}

} // namespace bertlens
