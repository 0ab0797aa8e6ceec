#include "corpus.h"

#include "common/error.h"

#include <fstream>

namespace bertlens::train {

std::vector<std::vector<int32_t>> tokenizeCorpus(const BertTokenizer &tokenizer, const std::string &path)
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

std::vector<std::vector<int32_t>> makeExamples(const std::vector<std::vector<int32_t>> &lines, const BertTokenizer &tok, int seq,
                                               std::mt19937 &rng)
{
    std::vector<std::vector<int32_t>> examples;
    std::bernoulli_distribution single(0.3);
    std::vector<int32_t> current;
    auto flush = [&] {
        if (current.size() > 1)
            examples.push_back(current);
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
    SpecialIds s;
    s.pad = vocab.requiredId("[PAD]");
    s.cls = vocab.requiredId("[CLS]");
    s.sep = vocab.requiredId("[SEP]");
    s.mask = vocab.requiredId("[MASK]");
    s.firstOrdinary = 5;
    return s;
}

} // namespace bertlens::train
