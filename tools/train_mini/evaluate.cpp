// `bertlens-train-mini evaluate`: measures a model folder through BertLens's own loader, encoder
// and MLM head, so what is reported is what the window shows.
#include "corpus.h"

#include "common/threads.h"
#include "model/loaded_model.h"
#include "tokenizer/unicode_text.h"

#include <QCommandLineParser>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

using namespace bertlens;
using namespace bertlens::train;

namespace {

at::Tensor maskedLogits(const LoadedModel &model, const at::Tensor &ids, const at::Tensor &types, const at::Tensor &mask,
                        const at::Tensor &positions)
{
    ForwardOptions options;
    options.layers = {model.config.numLayers};
    const at::Tensor hidden = model.encoder->forward(Batch{ids, types, mask}, options).hidden[0];
    return model.mlmHead->logits(hidden.reshape({-1, model.config.hiddenSize}).index_select(0, positions));
}

// The share of a text's characters that are CJK ideographs.
double cjkShare(const std::string &text)
{
    CodePoints cps;
    if (!decodeUtf8(text, cps) || cps.empty())
        return 0;
    return double(std::count_if(cps.begin(), cps.end(), [](char32_t c) { return unicode::isCjkIdeograph(c); })) / double(cps.size());
}

bool isWordToken(const std::string &token)
{
    CodePoints cps;
    if (!decodeUtf8(token.rfind("##", 0) == 0 ? token.substr(2) : token, cps) || cps.empty())
        return false;
    return std::none_of(cps.begin(), cps.end(), [](char32_t c) { return unicode::isBertPunctuation(c); });
}

// Every word piece of every sentence masked on its own (punctuation is not a word), against the
// unigram guesses: the most frequent word pieces of the training text in the file's language
// (Chinese characters for a Chinese file, other pieces otherwise).
void everydayAccuracy(const LoadedModel &model, const std::string &path, const std::vector<int> &byFrequency)
{
    const Tokenizer &tok = *model.tokenizer;
    std::ifstream in(path);
    if (!in)
        throw inputError(path + ": cannot open");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool chinese = cjkShare(text) > 0.3;
    std::vector<int> top5;
    for (int id : byFrequency)
        if (top5.size() < 5 && isWordToken(tok.vocab().token(id)) && (cjkShare(tok.vocab().token(id)) > 0) == chinese)
            top5.push_back(id);
    in.clear();
    in.seekg(0);
    const int mask = tok.vocab().requiredId("[MASK]");
    double positions = 0, top1 = 0, top5hits = 0, base1 = 0, base5 = 0, tokens = 0, unknown = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const Encoding e = tok.encode(line, model.maxLength);
        tokens += e.size() - 2;
        unknown += double(std::count(e.ids.begin(), e.ids.end(), tok.unknownId()));
        std::vector<int64_t> flat, where, targets;
        for (int p = 1; p + 1 < e.size(); ++p) {
            if (!isWordToken(e.tokens[size_t(p)]) || e.ids[size_t(p)] == tok.unknownId())
                continue;
            const int64_t row = int64_t(where.size());
            for (int j = 0; j < e.size(); ++j)
                flat.push_back(j == p ? mask : e.ids[size_t(j)]);
            where.push_back(row * e.size() + p);
            targets.push_back(e.ids[size_t(p)]);
        }
        if (targets.empty())
            continue;
        const int64_t rows = int64_t(targets.size());
        const at::Tensor ids = at::tensor(flat).view({rows, e.size()});
        const at::Tensor logits = maskedLogits(model, ids, at::zeros_like(ids), at::ones_like(ids), at::tensor(where));
        const at::Tensor best = std::get<1>(logits.topk(5, -1)); // [rows, 5]
        for (int64_t r = 0; r < rows; ++r) {
            const int64_t t = targets[size_t(r)];
            top1 += best[r][0].item<int64_t>() == t;
            top5hits += (best[r] == t).any().item<bool>();
            base1 += top5[0] == t;
            base5 += std::find(top5.begin(), top5.end(), t) != top5.end();
        }
        positions += double(rows);
    }
    std::printf("{\"file\": \"%s\", \"masked_words\": %.0f, \"top1\": %.4f, \"top5\": %.4f, \"unigram_top1\": %.4f, "
                "\"unigram_top5\": %.4f, \"unigram_guess\": \"%s\", \"unk_rate\": %.4f}\n",
                path.c_str(), positions, top1 / positions, top5hits / positions, base1 / positions, base5 / positions,
                tok.vocab().token(top5[0]).c_str(), unknown / std::max(1.0, tokens));
}

// The mean weight each head puts on the previous token, the next token, itself, [CLS] and [SEP].
void attentionStructure(const LoadedModel &model, const std::vector<std::vector<int32_t>> &lines)
{
    const Tokenizer &tok = *model.tokenizer;
    std::printf("layer head  previous   next   self  [CLS]  [SEP]\n");
    const int layers = model.config.numLayers, heads = model.config.numHeads;
    at::Tensor mass = at::zeros({layers, heads, 5}, at::kDouble);
    double rows = 0;
    for (size_t i = 0; i < std::min<size_t>(lines.size(), 400); ++i) {
        std::vector<int64_t> ids = {tok.clsId()};
        const auto &line = lines[i];
        ids.insert(ids.end(), line.begin(), line.begin() + long(std::min<size_t>(line.size(), size_t(model.maxLength - 2))));
        ids.push_back(tok.sepId());
        const int64_t n = int64_t(ids.size());
        const at::Tensor input = at::tensor(ids).unsqueeze(0);
        ForwardOptions withAttentions;
        withAttentions.attentions = true;
        const at::Tensor a = model.encoder->forward(Batch{input, at::zeros_like(input), at::ones_like(input)}, withAttentions)
                                 .attentions.select(1, 0).to(at::kDouble); // [L,heads,T,T]
        for (int64_t r = 1; r + 1 < n; ++r) {
            mass.select(2, 0) += a.select(2, r).select(2, r - 1);
            mass.select(2, 1) += a.select(2, r).select(2, r + 1);
            mass.select(2, 2) += a.select(2, r).select(2, r);
            mass.select(2, 3) += a.select(2, r).select(2, 0);
            mass.select(2, 4) += a.select(2, r).select(2, n - 1);
            rows += 1;
        }
    }
    mass /= rows;
    for (int l = 0; l < layers; ++l)
        for (int h = 0; h < heads; ++h)
            std::printf("%5d %4d  %8.3f %6.3f %6.3f %6.3f %6.3f\n", l + 1, h + 1, mass[l][h][0].item<double>(), mass[l][h][1].item<double>(),
                        mass[l][h][2].item<double>(), mass[l][h][3].item<double>(), mass[l][h][4].item<double>());
}

} // namespace

void pairEvaluation(const LoadedModel &model, const std::string &pairsPath, const std::string &lexiconPath); // evaluate_pairs.cpp

int evaluateCommand(const QCommandLineParser &p)
{
    setComputeThreads(p.isSet("torch-threads") ? p.value("torch-threads").toInt() : defaultComputeThreads());
    c10::InferenceMode inferenceMode;
    const auto loaded = LoadedModel::load(p.value("model").toStdString());
    if (!loaded->mlmHead)
        throw modelError(loaded->mlmHeadMissing);
    const Tokenizer &tok = *loaded->tokenizer;
    const int64_t v = loaded->config.vocabSize;
    std::vector<double> unigram(static_cast<size_t>(v), 1.0); // add-one smoothed counts from the training text
    for (const auto &line : tokenizeCorpus(tok, p.value("baseline-corpus").toStdString()))
        for (int id : line)
            unigram[size_t(id)] += 1;
    double total = 0;
    for (double c : unigram)
        total += c;
    std::vector<int> byFrequency(static_cast<size_t>(v));
    for (int i = 0; i < int(v); ++i)
        byFrequency[size_t(i)] = i;
    std::sort(byFrequency.begin(), byFrequency.end(), [&](int a, int b) { return unigram[size_t(a)] > unigram[size_t(b)]; });
    const int mostFrequent = byFrequency[0];

    // Random masking (15%, as in training) over the held-out text.
    const auto heldout = tokenizeCorpus(tok, p.value("corpus").toStdString());
    std::mt19937 rng(12345);
    const auto examples = makeExamples(heldout, tok, loaded->maxLength, rng);
    const SpecialIds special = specialIdsOf(tok.vocab());
    double loss = 0, correct = 0, count = 0, baseLoss = 0, baseCorrect = 0;
    for (size_t first = 0; first < examples.size(); first += 32) {
        std::vector<const Example *> batch;
        for (size_t i = first; i < std::min(examples.size(), first + 32); ++i)
            batch.push_back(&examples[i]);
        const MaskedBatch mb = maskBatch(batch, special, int(v), rng);
        const at::Tensor logits = maskedLogits(*loaded, mb.ids, mb.types, mb.mask, mb.positions);
        loss += at::cross_entropy_loss(logits, mb.targets, {}, at::Reduction::Sum).item<double>();
        correct += (logits.argmax(-1) == mb.targets).sum().item<double>();
        count += double(mb.targets.numel());
        for (int64_t i = 0; i < mb.targets.numel(); ++i) {
            const int64_t target = mb.targets[i].item<int64_t>();
            baseLoss += -std::log(unigram[size_t(target)] / total);
            baseCorrect += target == mostFrequent;
        }
    }
    attentionStructure(*loaded, heldout);
    std::printf("{\"masked_tokens\": %.0f, \"mlm_loss\": %.4f, \"masked_accuracy\": %.4f, "
                "\"unigram_loss\": %.4f, \"unigram_accuracy\": %.4f, \"most_frequent_token\": \"%s\"}\n",
                count, loss / count, correct / count, baseLoss / count, baseCorrect / count, tok.vocab().token(mostFrequent).c_str());
    for (const QString &file : p.values("everyday"))
        everydayAccuracy(*loaded, file.toStdString(), byFrequency);
    for (const QString &file : p.values("pairs"))
        pairEvaluation(*loaded, file.toStdString(), p.value("lexicon").toStdString());
    return 0;
}
