#include "corpus.h"

#include "common/error.h"

#include <algorithm>
#include <fstream>

namespace bertlens::train {

std::vector<std::vector<int32_t>> tokenizeCorpus(const Tokenizer &tokenizer, const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw inputError(path + ": cannot open");
    std::vector<std::vector<int32_t>> lines;
    std::string line;
    while (std::getline(in, line)) {
        Encoding e;
        try {
            e = tokenizer.encode(line);
        } catch (const Error &) {
            continue;
        }
        if (e.size() > 2)
            lines.emplace_back(e.ids.begin() + 1, e.ids.end() - 1);
    }
    return lines;
}

Examples makeExamples(const std::vector<std::vector<int32_t>> &lines, const Tokenizer &tok, int seq, std::mt19937 &rng)
{
    Examples examples;
    std::bernoulli_distribution single(0.3);
    std::vector<int32_t> current;
    auto flush = [&] {
        if (current.size() > 1)
            examples.push_back({current, uint32_t(current.size())});
        current.clear();
    };
    for (const auto &line : lines) {
        const size_t room = size_t(seq);
        if (!current.empty() && current.size() + line.size() + 1 > room)
            flush();
        if (current.empty())
            current.push_back(tok.clsId());
        const size_t take = std::min(line.size(), room - current.size() - 1);
        current.insert(current.end(), line.begin(), line.begin() + long(take));
        current.push_back(tok.sepId());
        if (single(rng))
            flush();
    }
    flush();
    return examples;
}

Examples makePairExamples(const Tokenizer &tok, const std::string &path, int seq)
{
    std::ifstream in(path);
    if (!in)
        throw inputError(path + ": cannot open");
    Examples examples;
    std::string line;
    while (std::getline(in, line)) {
        const size_t tab = line.find('\t');
        if (tab == std::string::npos)
            continue;
        Encoding e;
        try {
            e = tok.encodePair(line.substr(0, tab), line.substr(tab + 1));
        } catch (const Error &) {
            continue;
        }
        if (e.size() > seq)
            continue;
        const auto second = uint32_t(std::find(e.typeIds.begin(), e.typeIds.end(), 1) - e.typeIds.begin());
        examples.push_back({e.ids, second});
        // The same pair the other way round: [CLS] B [SEP] A [SEP].
        std::vector<int32_t> swapped = {e.ids.front()};
        swapped.insert(swapped.end(), e.ids.begin() + second, e.ids.end());
        const auto newSecond = uint32_t(swapped.size());
        swapped.insert(swapped.end(), e.ids.begin() + 1, e.ids.begin() + second);
        examples.push_back({swapped, newSecond});
    }
    return examples;
}

TokenizerOptions miniTokenizerOptions()
{
    TokenizerOptions options;
    options.normalizer.lowercase = true;
    options.normalizer.stripAccents = true;
    options.normalizer.spaceOutCjk = true;
    return options;
}

SpecialIds specialIdsOf(const Vocab &vocab)
{
    std::vector<std::string> tokens;
    for (int i = 0; i < vocab.size(); ++i)
        tokens.push_back(vocab.token(i));
    return specialIdsOf(tokens);
}

} // namespace bertlens::train
