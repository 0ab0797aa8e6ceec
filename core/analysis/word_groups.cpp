#include "analysis/word_groups.h"

#include "tokenizer/chinese_segmenter.h"
#include "tokenizer/unicode_text.h"

namespace bertlens {

namespace {

// The code point of a token that is one CJK ideograph, else 0.
char32_t cjkCharacter(const std::string &token)
{
    CodePoints cps;
    return decodeUtf8(token, cps) && cps.size() == 1 && unicode::isCjkIdeograph(cps[0]) ? cps[0] : 0;
}

} // namespace

WordGroups groupWords(const Encoding &e, const ChineseSegmenter *segmenter)
{
    WordGroups w;
    w.wordOfToken.assign(size_t(e.size()), 0);
    auto startWord = [&](int token, const std::string &label) {
        w.tokens.push_back({token});
        w.labels.push_back(label);
        w.wordOfToken[size_t(token)] = w.size() - 1;
    };
    for (int i = 0; i < e.size(); ++i) {
        const std::string &token = e.tokens[size_t(i)];
        if (e.continuesWord(i) && !w.tokens.empty()) {
            w.tokens.back().push_back(i);
            w.labels.back() += e.surfaces[size_t(i)];
            w.wordOfToken[size_t(i)] = w.size() - 1;
            continue;
        }
        if (segmenter && !e.specialMask[size_t(i)] && cjkCharacter(token)) {
            // A run of adjacent Chinese characters of one text, segmented into words.
            int end = i;
            std::u32string run;
            while (end < e.size() && !e.specialMask[size_t(end)] && cjkCharacter(e.tokens[size_t(end)])
                   && e.typeIds[size_t(end)] == e.typeIds[size_t(i)]
                   && (end == i || e.offsets[size_t(end)].first == e.offsets[size_t(end - 1)].second))
                run += cjkCharacter(e.tokens[size_t(end++)]);
            int token = i;
            for (const std::u32string &word : segmenter->cut(run)) {
                startWord(token, encodeUtf8(word.substr(0, 1)));
                w.labels.back() = encodeUtf8(word);
                for (size_t k = 1; k < word.size(); ++k) {
                    w.tokens.back().push_back(token + int(k));
                    w.wordOfToken[size_t(token) + k] = w.size() - 1;
                }
                token += int(word.size());
            }
            i = end - 1;
            continue;
        }
        startWord(i, e.surfaces[size_t(i)]);
    }
    return w;
}

Matrix wordAttention(const Matrix &attention, const WordGroups &words)
{
    const int n = words.size();
    Matrix out(n, n);
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            double sum = 0;
            for (int i : words.tokens[size_t(a)])
                for (int j : words.tokens[size_t(b)])
                    sum += attention.at(i, j);
            out.at(a, b) = float(sum / double(words.tokens[size_t(a)].size()));
        }
    return out;
}

Matrix wordVectors(const Matrix &vectors, const WordGroups &words)
{
    Matrix out(words.size(), vectors.cols);
    for (int w = 0; w < words.size(); ++w)
        for (int i : words.tokens[size_t(w)])
            for (int d = 0; d < vectors.cols; ++d)
                out.at(w, d) += vectors.at(i, d) / float(words.tokens[size_t(w)].size());
    return out;
}

} // namespace bertlens
