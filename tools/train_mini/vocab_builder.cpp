#include "vocab_builder.h"

#include "common/error.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/unicode_text.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

namespace bertlens::train {

namespace {

struct Word {
    std::vector<int> symbols; // ids into the piece table
    long count = 0;
};

uint64_t pairKey(int a, int b) { return (uint64_t(uint32_t(a)) << 32) | uint32_t(b); }

} // namespace

std::vector<std::string> buildWordPieceVocab(const std::string &corpusPath, int size, const NormalizerOptions &options,
                                             int minCharCount, const std::u32string &required)
{
    std::ifstream in(corpusPath);
    if (!in)
        throw inputError(corpusPath + ": cannot open");
    const Normalizer normalizer(options);
    std::unordered_map<std::u32string, long> wordCounts;
    std::string line;
    while (std::getline(in, line)) {
        CodePoints cps;
        if (!decodeUtf8(line, cps))
            continue;
        NormalizedText n;
        normalizer.normalize(cps, 0, n);
        for (const WordSpan &w : splitWords(n.text))
            ++wordCounts[n.text.substr(size_t(w.begin), size_t(w.end - w.begin))];
    }

    std::vector<std::string> vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    std::map<char32_t, long> charCounts;
    for (const auto &[w, c] : wordCounts)
        for (char32_t ch : w)
            charCounts[ch] += c;
    // Piece table: the text of each symbol, whether it continues a word.
    std::vector<std::string> pieces;
    std::unordered_map<std::string, int> pieceIds;
    auto pieceId = [&](const std::string &text) {
        auto it = pieceIds.find(text);
        if (it != pieceIds.end())
            return it->second;
        pieces.push_back(text);
        pieceIds[text] = int(pieces.size()) - 1;
        return int(pieces.size()) - 1;
    };
    std::set<char32_t> alphabet;
    for (const auto &[ch, c] : charCounts)
        if (c >= minCharCount)
            alphabet.insert(ch);
    alphabet.insert(required.begin(), required.end());
    for (char32_t ch : alphabet)
        vocab.push_back(encodeUtf8(std::u32string(1, ch)));
    for (char32_t ch : alphabet)
        if (!unicode::isCjkIdeograph(ch) && !unicode::isBertPunctuation(ch))
            vocab.push_back("##" + encodeUtf8(std::u32string(1, ch)));

    std::vector<Word> words;
    for (const auto &[w, c] : wordCounts) {
        if (w.size() > 100 || std::any_of(w.begin(), w.end(), [&](char32_t ch) { return !alphabet.count(ch); }))
            continue; // such words become [UNK] anyway
        Word word;
        word.count = c;
        for (size_t i = 0; i < w.size(); ++i)
            word.symbols.push_back(pieceId((i ? "##" : "") + encodeUtf8(std::u32string(1, w[i]))));
        if (word.symbols.size() > 1)
            words.push_back(std::move(word));
    }

    std::unordered_map<uint64_t, long> pairCounts;
    std::unordered_map<uint64_t, std::set<int>> pairWords;
    for (int wi = 0; wi < int(words.size()); ++wi)
        for (size_t i = 0; i + 1 < words[size_t(wi)].symbols.size(); ++i) {
            const uint64_t k = pairKey(words[size_t(wi)].symbols[i], words[size_t(wi)].symbols[i + 1]);
            pairCounts[k] += words[size_t(wi)].count;
            pairWords[k].insert(wi);
        }
    using Entry = std::pair<long, uint64_t>;
    std::priority_queue<Entry> queue;
    for (const auto &[k, c] : pairCounts)
        queue.push({c, k});

    std::set<std::string> inVocab(vocab.begin(), vocab.end());
    while (int(vocab.size()) < size && !queue.empty()) {
        const auto [count, key] = queue.top();
        queue.pop();
        const auto live = pairCounts.find(key);
        if (live == pairCounts.end() || live->second != count || count <= 0)
            continue; // stale queue entry
        const int a = int(key >> 32), b = int(key & 0xFFFFFFFF);
        std::string right = pieces[size_t(b)];
        if (right.rfind("##", 0) == 0)
            right = right.substr(2);
        const std::string merged = pieces[size_t(a)] + right;
        const int m = pieceId(merged);
        if (inVocab.insert(merged).second)
            vocab.push_back(merged);
        const std::set<int> affected = pairWords[key];
        std::unordered_map<uint64_t, long> touched;
        for (int wi : affected) {
            Word &w = words[size_t(wi)];
            // Remove this word's old pairs, merge, add its new pairs.
            for (size_t i = 0; i + 1 < w.symbols.size(); ++i) {
                const uint64_t k = pairKey(w.symbols[i], w.symbols[i + 1]);
                pairCounts[k] -= w.count;
                touched[k];
                pairWords[k].erase(wi);
            }
            std::vector<int> out;
            for (size_t i = 0; i < w.symbols.size(); ++i) {
                if (i + 1 < w.symbols.size() && w.symbols[i] == a && w.symbols[i + 1] == b) {
                    out.push_back(m);
                    ++i;
                } else {
                    out.push_back(w.symbols[i]);
                }
            }
            w.symbols = std::move(out);
            for (size_t i = 0; i + 1 < w.symbols.size(); ++i) {
                const uint64_t k = pairKey(w.symbols[i], w.symbols[i + 1]);
                pairCounts[k] += w.count;
                touched[k];
                pairWords[k].insert(wi);
            }
        }
        for (const auto &[k, unused] : touched)
            if (pairCounts[k] > 0)
                queue.push({pairCounts[k], k});
    }
    return vocab;
}

} // namespace bertlens::train
