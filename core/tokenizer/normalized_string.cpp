#include "tokenizer/normalized_string.h"

#include <algorithm>

namespace bertlens {

NormalizedString NormalizedString::of(std::u32string_view original)
{
    NormalizedString s;
    s.text = CodePoints(original);
    s.align.reserve(original.size());
    for (int i = 0; i < int(original.size()); ++i)
        s.align.emplace_back(i, i + 1);
    return s;
}

void NormalizedString::transform(const std::vector<std::pair<char32_t, int>> &changes, int skipFirst, int frameStart)
{
    NormalizedString out;
    out.text.reserve(changes.size());
    out.align.reserve(changes.size());
    size_t at = size_t(skipFirst); // the next code point of the old text
    for (const auto &[c, change] : changes) {
        std::pair<int, int> a;
        if (change > 0) {
            // (a change list from a stranger's charsmap may point past the end: the last one counts)
            a = at == 0 || align.empty() ? std::pair<int, int>(frameStart, frameStart) : align[std::min(at, align.size()) - 1];
        } else {
            a = at < align.size() ? align[at] : (align.empty() ? std::pair<int, int>(frameStart, frameStart) : align.back());
            at += 1 + size_t(-change);
        }
        out.text += c;
        out.align.push_back(a);
    }
    *this = std::move(out);
}

std::pair<int, int> NormalizedString::originalRange(int first, int last) const
{
    if (first >= last)
        return first < int(align.size()) ? std::pair<int, int>(align[size_t(first)].first, align[size_t(first)].first)
                                         : std::pair<int, int>(align.empty() ? 0 : align.back().second,
                                                               align.empty() ? 0 : align.back().second);
    return {align[size_t(first)].first, align[size_t(last - 1)].second};
}

NormalizedString NormalizedString::slice(int first, int last) const
{
    NormalizedString s;
    s.text = text.substr(size_t(first), size_t(last - first));
    s.align.assign(align.begin() + first, align.begin() + last);
    return s;
}

} // namespace bertlens
