// `bertlens-train-mini evaluate --pairs FILE [--lexicon FILE]`: what the model does with a sentence
// and its translation side by side ([CLS] English [SEP] Chinese [SEP]), on pairs it never saw.
//   - fill: every Chinese character of B masked on its own, predicted with the English sentence
//     beside it and without it (B alone): how much the translation helps;
//   - alignment: for every English word of the lexicon whose Chinese character is in B, the rank of
//     that character among B's characters by the word's attention (mean of the heads) and by cosine
//     of the hidden states, per layer — what the window's Attention and Similarity tabs show.
#include "corpus.h"

#include "common/error.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"
#include "tokenizer/unicode_text.h"

#include <ATen/ATen.h>

#include <cstdio>
#include <fstream>
#include <map>

using namespace bertlens;
using namespace bertlens::train;

namespace {

bool isCjkToken(const std::string &token)
{
    CodePoints cps;
    return decodeUtf8(token, cps) && cps.size() == 1 && unicode::isCjkIdeograph(cps[0]);
}

std::vector<std::pair<std::string, std::string>> readPairs(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw inputError(path + ": cannot open");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::string line; std::getline(in, line);) {
        const size_t tab = line.find('\t');
        if (tab != std::string::npos && !line.empty() && line[0] != '#')
            pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return pairs;
}

at::Tensor forward(const LoadedModel &model, const Encoding &e, const ForwardOptions &options, const std::vector<int> &ids)
{
    Encoding masked = e;
    masked.ids = ids;
    return model.encoder->forward(makeBatch({&masked}, 0), options).hidden;
}

// Top-1 accuracy of the MLM head at `positions` of e with each masked in turn.
std::pair<double, double> fill(const LoadedModel &model, const Encoding &e, const std::vector<int> &positions)
{
    const int mask = model.tokenizer->vocab().requiredId("[MASK]");
    ForwardOptions options;
    options.layers = {model.config.numLayers};
    double hits = 0;
    for (int p : positions) {
        std::vector<int> ids = e.ids;
        ids[size_t(p)] = mask;
        const at::Tensor hidden = forward(model, e, options, ids)[0][0][p];
        hits += model.mlmHead->logits(hidden.unsqueeze(0)).argmax(-1).item<int64_t>() == e.ids[size_t(p)];
    }
    return {hits, double(positions.size())};
}

} // namespace

void pairEvaluation(const LoadedModel &model, const std::string &pairsPath, const std::string &lexiconPath)
{
    const Tokenizer &tok = *model.tokenizer;
    const auto pairs = readPairs(pairsPath);
    double withA = 0, alone = 0, count = 0;
    std::map<std::string, std::string> lexicon;
    if (!lexiconPath.empty())
        for (const auto &[en, zh] : readPairs(lexiconPath))
            lexicon[en] = zh;
    const int layers = model.config.numLayers;
    std::vector<double> attentionTop1(size_t(layers), 0), similarityTop1(size_t(layers + 1), 0);
    double aligned = 0, chance = 0;
    for (const auto &[en, zh] : pairs) {
        const Encoding pair = tok.encodePair(en, zh, model.maxLength);
        std::vector<int> bPositions;
        for (int i = 0; i < pair.size(); ++i)
            if (pair.typeIds[size_t(i)] == 1 && isCjkToken(pair.tokens[size_t(i)]))
                bPositions.push_back(i);
        if (bPositions.empty())
            continue;
        const auto [hitsPair, n] = fill(model, pair, bPositions);
        const Encoding single = tok.encode(zh, model.maxLength);
        std::vector<int> singlePositions;
        for (int i = 0; i < single.size(); ++i)
            if (isCjkToken(single.tokens[size_t(i)]))
                singlePositions.push_back(i);
        const auto [hitsAlone, m] = fill(model, single, singlePositions);
        if (n != m)
            continue; // the two encodings split B differently (truncation): not comparable
        withA += hitsPair;
        alone += hitsAlone;
        count += n;

        if (lexicon.empty())
            continue;
        ForwardOptions options;
        options.attentions = true;
        at::Tensor hidden, attentions;
        {
            const auto r = model.encoder->forward(makeBatch({&pair}, 0), options);
            hidden = r.hidden.select(1, 0);                  // [L+1, T, H]
            attentions = r.attentions.select(1, 0).mean(1);  // [L, T, T], mean of the heads
        }
        const at::Tensor b = at::tensor(std::vector<int64_t>(bPositions.begin(), bPositions.end()));
        for (int i = 0; i < pair.size() && pair.typeIds[size_t(i)] == 0; ++i) {
            const auto word = lexicon.find(pair.tokens[size_t(i)]);
            if (word == lexicon.end())
                continue;
            int target = -1;
            for (size_t k = 0; k < bPositions.size(); ++k)
                if (pair.tokens[size_t(bPositions[k])] == word->second)
                    target = int(k);
            if (target < 0)
                continue;
            aligned += 1;
            chance += 1.0 / double(bPositions.size());
            for (int l = 0; l < layers; ++l)
                attentionTop1[size_t(l)] += attentions[l][i].index_select(0, b).argmax().item<int64_t>() == target;
            for (int l = 0; l <= layers; ++l) {
                const at::Tensor cosines = at::cosine_similarity(hidden[l].index_select(0, b), hidden[l][i].unsqueeze(0), 1);
                similarityTop1[size_t(l)] += cosines.argmax().item<int64_t>() == target;
            }
        }
    }
    std::printf("{\"pairs\": \"%s\", \"masked_characters\": %.0f, \"top1_with_translation\": %.4f, \"top1_alone\": %.4f",
                pairsPath.c_str(), count, withA / std::max(1.0, count), alone / std::max(1.0, count));
    if (!lexicon.empty()) {
        std::printf(", \"aligned_words\": %.0f, \"chance\": %.4f, \"attention_top1_by_layer\": [", aligned, chance / std::max(1.0, aligned));
        for (int l = 0; l < layers; ++l)
            std::printf("%s%.4f", l ? ", " : "", attentionTop1[size_t(l)] / std::max(1.0, aligned));
        std::printf("], \"similarity_top1_by_layer\": [");
        for (int l = 0; l <= layers; ++l)
            std::printf("%s%.4f", l ? ", " : "", similarityTop1[size_t(l)] / std::max(1.0, aligned));
        std::printf("]");
    }
    std::printf("}\n");
}
