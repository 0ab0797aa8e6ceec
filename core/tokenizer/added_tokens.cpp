#include "tokenizer/added_tokens.h"

#include <QChar>

namespace bertlens {

namespace {

bool isWordChar(char32_t c) { return QChar::isLetterOrNumber(c) || c == U'_'; }

} // namespace

std::vector<TextSegment> splitAddedTokens(std::u32string_view text, const std::vector<AddedToken> &tokens)
{
    std::vector<CodePoints> contents;
    for (const AddedToken &t : tokens) {
        CodePoints cps;
        decodeUtf8(t.content, cps);
        contents.push_back(std::move(cps));
    }
    std::vector<TextSegment> out;
    int plainFrom = 0;
    auto flushPlain = [&](int to) {
        if (to > plainFrom)
            out.push_back({plainFrom, to, -1});
    };
    for (size_t at = 0; at < text.size();) {
        int best = -1;
        for (size_t k = 0; k < tokens.size(); ++k) {
            const CodePoints &c = contents[k];
            if (c.empty() || text.substr(at, c.size()) != c)
                continue;
            if (tokens[k].singleWord && ((at > 0 && isWordChar(text[at - 1]))
                                         || (at + c.size() < text.size() && isWordChar(text[at + c.size()]))))
                continue;
            if (best < 0 || c.size() > contents[size_t(best)].size())
                best = int(k);
        }
        if (best < 0) {
            ++at;
            continue;
        }
        const AddedToken &t = tokens[size_t(best)];
        const int begin = int(at), end = int(at + contents[size_t(best)].size());
        int left = begin, right = end;
        if (t.lstrip)
            while (left > plainFrom && QChar::isSpace(text[size_t(left - 1)]))
                --left;
        if (t.rstrip)
            while (right < int(text.size()) && QChar::isSpace(text[size_t(right)]))
                ++right;
        flushPlain(left);
        out.push_back({begin, end, best});
        plainFrom = right;
        at = size_t(right);
    }
    flushPlain(int(text.size()));
    return out;
}

} // namespace bertlens
