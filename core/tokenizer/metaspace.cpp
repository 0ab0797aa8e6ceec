#include "tokenizer/metaspace.h"

#include <QChar>

namespace bertlens {

std::vector<MetaspaceWord> metaspaceWords(std::u32string_view text)
{
    std::vector<MetaspaceWord> words;
    for (size_t at = 0; at < text.size();) {
        if (QChar::isSpace(text[at])) {
            ++at;
            continue;
        }
        size_t end = at;
        while (end < text.size() && !QChar::isSpace(text[end]))
            ++end;
        MetaspaceWord w;
        w.text = U"\u2581";
        w.origin.push_back(int(at));
        for (size_t i = at; i < end; ++i) {
            w.text += text[i];
            w.origin.push_back(int(i));
        }
        words.push_back(std::move(w));
        at = end;
    }
    return words;
}

} // namespace bertlens
