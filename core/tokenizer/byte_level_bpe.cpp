#include "tokenizer/byte_level_bpe.h"

#include "tokenizer/byte_level.h"

namespace bertlens {

std::vector<TokenPiece> byteLevelBpe(std::u32string_view text, const Bpe &bpe, bool trimOffsets)
{
    std::vector<TokenPiece> out;
    std::vector<BpeToken> pieces;
    const std::vector<WordSpan> words = splitByteLevelWords(text);
    for (size_t w = 0; w < words.size(); ++w) {
        const WordSpan &span = words[w];
        const ByteLevelWord word = toByteLevel(text.substr(size_t(span.begin), size_t(span.end - span.begin)));
        pieces.clear();
        bpe.tokenize(word.text, pieces);
        for (const BpeToken &p : pieces) {
            int begin = span.begin + word.source[size_t(p.begin)];
            int end = span.begin + word.source[size_t(p.end - 1)] + 1;
            if (trimOffsets) {
                const char32_t space = byteLevelChar(' ');
                int leading = 0, trailing = 0;
                while (p.begin + leading < p.end && word.text[size_t(p.begin + leading)] == space)
                    ++leading;
                while (trailing < p.end - p.begin - leading && word.text[size_t(p.end - 1 - trailing)] == space)
                    ++trailing;
                begin = std::min(begin + leading, end);
                end = std::max(end - trailing, begin);
            }
            out.push_back({p.id, begin, end, int(w)});
        }
    }
    return out;
}

} // namespace bertlens
