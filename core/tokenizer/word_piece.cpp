#include "tokenizer/word_piece.h"

namespace bertlens {

void WordPiece::tokenize(std::u32string_view word, std::vector<WordPieceToken> &out, std::vector<std::string> *tried) const
{
    const int n = int(word.size());
    if (n > m_maxCharsPerWord) {
        out.push_back({m_unknownId, 0, n});
        return;
    }
    const size_t firstOut = out.size();
    int start = 0;
    std::string candidate;
    while (start < n) {
        int found = -1;
        int end = n;
        for (; end > start; --end) {
            candidate = start > 0 ? "##" : "";
            candidate += encodeUtf8(word.substr(size_t(start), size_t(end - start)));
            found = m_vocab.id(candidate);
            if (tried)
                tried->push_back(candidate);
            if (found >= 0)
                break;
        }
        if (found < 0) {
            out.resize(firstOut);
            out.push_back({m_unknownId, 0, n});
            return;
        }
        out.push_back({found, start, end});
        start = end;
    }
}

} // namespace bertlens
