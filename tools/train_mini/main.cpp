// bertlens-train-mini: builds BertLens Mini, the default model, from text in Debian packages.
//   vocab     --corpus train.txt --size N --output vocab.txt
//   train     --corpus train.txt --vocab vocab.txt --output MODEL_DIR --checkpoint CKPT_DIR
//             [--steps N] [--minutes M] [--batch N] [--seq N] [--lr X] [--hidden N] [--layers N]
//             [--heads N] [--ffn N] [--seed N]      (resumes from CKPT_DIR when it holds a checkpoint)
//   evaluate  --model MODEL_DIR --corpus heldout.txt --baseline-corpus train.txt
// See resources/models/bertlens-mini/README.md for the commands that made the shipped model.
#include "mlm_model.h"
#include "vocab_builder.h"

#include "common/error.h"
#include "common/threads.h"
#include "io/atomic_file.h"
#include "io/safetensors.h"
#include "model/loaded_model.h"
#include "model/model_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

using namespace bertlens;

namespace {

struct Corpus {
    std::vector<std::vector<int>> lines; // token ids without special tokens
};

Corpus tokenizeCorpus(const BertTokenizer &tokenizer, const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw inputError(path + ": cannot open");
    Corpus corpus;
    std::string line;
    while (std::getline(in, line)) {
        Encoding e;
        try {
            e = tokenizer.encode(line);
        } catch (const Error &) {
            continue;
        }
        if (e.size() > 2)
            corpus.lines.emplace_back(e.ids.begin() + 1, e.ids.end() - 1);
    }
    return corpus;
}

// Examples: [CLS] line [SEP] (line [SEP])... up to seq tokens; some single lines, as users type.
std::vector<std::vector<int>> makeExamples(const Corpus &corpus, const BertTokenizer &tok, int seq, std::mt19937 &rng)
{
    std::vector<std::vector<int>> examples;
    std::bernoulli_distribution single(0.3);
    std::vector<int> current;
    auto flush = [&] {
        if (current.size() > 1)
            examples.push_back(current);
        current.clear();
    };
    for (const auto &line : corpus.lines) {
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

struct MaskedBatch {
    torch::Tensor ids, mask, positions, targets; // positions: flat indices into [B*T]
};

MaskedBatch maskBatch(const std::vector<const std::vector<int> *> &examples, const BertTokenizer &tok, int maskId, int vocabSize,
                      std::mt19937 &rng)
{
    size_t t = 0;
    for (auto *e : examples)
        t = std::max(t, e->size());
    const int64_t b = int64_t(examples.size());
    MaskedBatch out;
    out.ids = torch::full({b, int64_t(t)}, tok.padId(), torch::kLong);
    out.mask = torch::zeros({b, int64_t(t)}, torch::kLong);
    std::vector<int64_t> positions, targets;
    std::uniform_real_distribution<double> u(0, 1);
    std::uniform_int_distribution<int> randomToken(5, vocabSize - 1);
    auto ids = out.ids.accessor<int64_t, 2>();
    auto mask = out.mask.accessor<int64_t, 2>();
    for (int64_t i = 0; i < b; ++i) {
        const auto &e = *examples[size_t(i)];
        for (size_t j = 0; j < e.size(); ++j) {
            ids[i][long(j)] = e[j];
            mask[i][long(j)] = 1;
            if (e[j] == tok.clsId() || e[j] == tok.sepId() || u(rng) >= 0.15)
                continue;
            positions.push_back(i * int64_t(t) + int64_t(j));
            targets.push_back(e[j]);
            const double r = u(rng); // 80% [MASK], 10% a random token, 10% unchanged
            if (r < 0.8)
                ids[i][long(j)] = maskId;
            else if (r < 0.9)
                ids[i][long(j)] = randomToken(rng);
        }
    }
    out.positions = torch::tensor(positions, torch::kLong);
    out.targets = torch::tensor(targets, torch::kLong);
    return out;
}

TokenizerOptions miniTokenizerOptions()
{
    TokenizerOptions options;
    options.normalizer.lowercase = true;
    options.normalizer.stripAccents = true;
    options.normalizer.spaceOutCjk = true;
    return options;
}

void writeText(const std::string &path, const std::string &text)
{
    AtomicFile f(path);
    f.write(text);
    f.commit();
}

void exportModel(const train::MlmModel &model, const Vocab &vocab, const std::string &dir, const std::string &note)
{
    ModelFolderContents contents;
    contents.config = model.config();
    for (int i = 0; i < vocab.size(); ++i)
        contents.vocab.push_back(vocab.token(i));
    contents.tensors = model.named();
    contents.dtype = StoredFloat::F16;
    contents.metadata = {{"bertlens", note}};
    writeModelFolder(dir, contents);
}

int vocabCommand(const QCommandLineParser &p)
{
    const auto vocab = train::buildWordPieceVocab(p.value("corpus").toStdString(), p.value("size").toInt(),
                                                  miniTokenizerOptions().normalizer);
    std::string text;
    for (const auto &t : vocab)
        text += t + "\n";
    writeText(p.value("output").toStdString(), text);
    std::printf("%zu entries\n", vocab.size());
    return 0;
}

int trainCommand(const QCommandLineParser &p)
{
    setComputeThreads(defaultComputeThreads());
    // Backward passes are dominated by element-wise kernels, which LibTorch's own pool speeds up.
    at::set_num_threads(p.value("torch-threads").toInt());
    const BertTokenizer tok(Vocab::load(p.value("vocab").toStdString()), miniTokenizerOptions());
    const int maskId = tok.vocab().requiredId("[MASK]");
    BertConfig config;
    config.vocabSize = tok.vocab().size();
    config.hiddenSize = p.value("hidden").toInt();
    config.numLayers = p.value("layers").toInt();
    config.numHeads = p.value("heads").toInt();
    config.intermediateSize = p.value("ffn").toInt();
    config.maxPositions = p.value("seq").toInt();
    config.validate("options");
    const int steps = p.value("steps").toInt(), batchSize = p.value("batch").toInt();
    const double peakLr = p.value("lr").toDouble();
    const int warmup = std::max(1, steps / 20);

    train::MlmModel model(config, p.value("seed").toULongLong());
    torch::optim::AdamW optimizer(model.parameters(), torch::optim::AdamWOptions(peakLr).weight_decay(0.01));
    const QDir ckpt(p.value("checkpoint"));
    QDir().mkpath(ckpt.path());
    int step = 0;
    if (QFile::exists(ckpt.filePath("step.txt"))) {
        std::vector<torch::Tensor> saved;
        torch::load(saved, ckpt.filePath("params.pt").toStdString());
        torch::NoGradGuard noGrad;
        const auto params = model.parameters();
        for (size_t i = 0; i < params.size(); ++i)
            params[i].copy_(saved.at(i));
        torch::load(optimizer, ckpt.filePath("optimizer.pt").toStdString());
        std::ifstream(ckpt.filePath("step.txt").toStdString()) >> step;
        std::printf("resumed at step %d\n", step);
    }

    const Corpus corpus = tokenizeCorpus(tok, p.value("corpus").toStdString());
    std::mt19937 rng(uint32_t(p.value("seed").toUInt() * 7919u + uint32_t(step)));
    std::vector<std::vector<int>> examples = makeExamples(corpus, tok, config.maxPositions, rng);
    long long tokens = 0;
    for (const auto &e : examples)
        tokens += long(e.size());
    std::printf("%zu lines, %zu examples, %lld tokens\n", corpus.lines.size(), examples.size(), tokens);
    std::shuffle(examples.begin(), examples.end(), rng);

    // A checkpoint to resume from, and a usable model folder, at every save.
    auto save = [&] {
        torch::save(model.parameters(), ckpt.filePath("params.pt").toStdString());
        torch::save(optimizer, ckpt.filePath("optimizer.pt").toStdString());
        writeText(ckpt.filePath("step.txt").toStdString(), std::to_string(step) + "\n");
        exportModel(model, tok.vocab(), p.value("output").toStdString(), "BertLens Mini, step " + std::to_string(step));
        std::printf("saved step %d\n", step);
        std::fflush(stdout);
    };
    const auto start = std::chrono::steady_clock::now();
    const double minutes = p.value("minutes").toDouble();
    size_t cursor = size_t(step) * size_t(batchSize) % examples.size();
    double lossSum = 0, correct = 0, masked = 0;
    long long seenTokens = 0;
    auto elapsedMinutes = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 60; };
    while (step < steps && elapsedMinutes() < minutes) {
        std::vector<const std::vector<int> *> batch;
        for (int i = 0; i < batchSize; ++i) {
            if (cursor >= examples.size()) {
                cursor = 0;
                std::shuffle(examples.begin(), examples.end(), rng);
            }
            batch.push_back(&examples[cursor++]);
            seenTokens += long(batch.back()->size());
        }
        const MaskedBatch mb = maskBatch(batch, tok, maskId, config.vocabSize, rng);
        const double lr = step < warmup ? peakLr * (step + 1) / warmup : peakLr * std::max(0.0, double(steps - step) / (steps - warmup));
        for (auto &group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions &>(group.options()).lr(lr);
        const torch::Tensor logits = model.maskedLogits(mb.ids, mb.mask, mb.positions);
        const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, mb.targets);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();
        ++step;
        lossSum += loss.item<double>();
        correct += (logits.argmax(-1) == mb.targets).sum().item<double>();
        masked += double(mb.targets.numel());
        if (step % 50 == 0) {
            std::printf("step %d  lr %.2e  loss %.3f  masked acc %.3f  %.0f tokens/s  %.1f min\n", step, lr, lossSum / 50,
                        correct / std::max(1.0, masked), seenTokens / (elapsedMinutes() * 60), elapsedMinutes());
            std::fflush(stdout);
            lossSum = correct = masked = 0;
        }
        if (step % 500 == 0)
            save();
    }
    save();
    return 0;
}

int evaluateCommand(const QCommandLineParser &p)
{
    setComputeThreads(defaultComputeThreads());
    const auto loaded = LoadedModel::load(p.value("model").toStdString());
    const BertTokenizer &tok = *loaded->tokenizer;
    if (!loaded->mlmHead)
        throw modelError(loaded->mlmHeadMissing);
    const int64_t h = loaded->config.hiddenSize, v = loaded->config.vocabSize;
    std::vector<double> unigram(size_t(v), 1.0); // add-one smoothed counts from the training text
    for (const auto &line : tokenizeCorpus(tok, p.value("baseline-corpus").toStdString()).lines)
        for (int id : line)
            unigram[size_t(id)] += 1;
    double total = 0;
    for (double c : unigram)
        total += c;
    const int mostFrequent = int(std::max_element(unigram.begin(), unigram.end()) - unigram.begin());

    const Corpus heldout = tokenizeCorpus(tok, p.value("corpus").toStdString());
    std::mt19937 rng(12345);
    const auto examples = makeExamples(heldout, tok, loaded->maxLength, rng);
    const int maskId = tok.vocab().requiredId("[MASK]");
    double loss = 0, correct = 0, count = 0, baseLoss = 0, baseCorrect = 0;
    torch::NoGradGuard noGrad;
    for (size_t first = 0; first < examples.size(); first += 32) {
        std::vector<const std::vector<int> *> batch;
        for (size_t i = first; i < std::min(examples.size(), first + 32); ++i)
            batch.push_back(&examples[i]);
        const MaskedBatch mb = maskBatch(batch, tok, maskId, int(v), rng);
        // Through the core's loader and encoder: what BertLens shows is what is measured.
        const at::Tensor hidden = loaded->encoder->forward(Batch{mb.ids, torch::zeros_like(mb.ids), mb.mask}).hidden[-1];
        const at::Tensor logits = loaded->mlmHead->logits(hidden.reshape({-1, h}).index_select(0, mb.positions));
        loss += at::cross_entropy_loss(logits, mb.targets, {}, at::Reduction::Sum).item<double>();
        correct += (logits.argmax(-1) == mb.targets).sum().item<double>();
        count += double(mb.targets.numel());
        for (int64_t i = 0; i < mb.targets.numel(); ++i) {
            const int64_t target = mb.targets[i].item<int64_t>();
            baseLoss += -std::log(unigram[size_t(target)] / total);
            baseCorrect += target == mostFrequent;
        }
    }
    // Structure of the attention heads on unmasked held-out sentences: the mean weight each head
    // puts on the previous token, the next token, itself, [CLS] and [SEP].
    std::printf("layer head  previous   next   self  [CLS]  [SEP]\n");
    const int layers = loaded->config.numLayers, heads = loaded->config.numHeads;
    at::Tensor mass = at::zeros({layers, heads, 5}, at::kDouble);
    double rows = 0;
    for (size_t i = 0; i < std::min<size_t>(heldout.lines.size(), 400); ++i) {
        std::vector<int> ids = {tok.clsId()};
        const auto &line = heldout.lines[i];
        ids.insert(ids.end(), line.begin(), line.begin() + long(std::min<size_t>(line.size(), size_t(loaded->maxLength - 2))));
        ids.push_back(tok.sepId());
        const int64_t n = int64_t(ids.size());
        const at::Tensor input = at::tensor(std::vector<int64_t>(ids.begin(), ids.end())).unsqueeze(0);
        ForwardOptions withAttentions;
        withAttentions.attentions = true;
        const at::Tensor a = loaded->encoder->forward(Batch{input, at::zeros_like(input), at::ones_like(input)}, withAttentions)
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
    std::printf("{\"masked_tokens\": %.0f, \"mlm_loss\": %.4f, \"masked_accuracy\": %.4f, "
                "\"unigram_loss\": %.4f, \"unigram_accuracy\": %.4f, \"most_frequent_token\": \"%s\"}\n",
                count, loss / count, correct / count, baseLoss / count, baseCorrect / count, tok.vocab().token(mostFrequent).c_str());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addPositionalArgument("command", "vocab, train or evaluate");
    p.addOptions({{"corpus", "text, one per line", "FILE"}, {"size", "vocabulary size", "N", "12000"},
                  {"output", "output file or folder", "PATH"}, {"vocab", "vocab.txt", "FILE"},
                  {"checkpoint", "checkpoint folder", "DIR"}, {"steps", "total optimizer steps", "N", "4000"},
                  {"minutes", "stop (and save) after this long", "M", "1e9"}, {"batch", "sequences per step", "N", "32"},
                  {"seq", "max sequence length = max_position_embeddings", "N", "128"}, {"lr", "peak learning rate", "X", "1e-3"},
                  {"hidden", "hidden size", "N", "256"}, {"layers", "layers", "N", "4"}, {"heads", "heads", "N", "4"},
                  {"ffn", "intermediate size", "N", "1024"}, {"seed", "random seed", "N", "1"}, {"torch-threads", "LibTorch intra-op threads while training", "N", "2"},
                  {"model", "model folder", "DIR"}, {"baseline-corpus", "text for the unigram baseline", "FILE"}});
    p.process(app);
    const QString command = p.positionalArguments().value(0);
    try {
        if (command == "vocab")
            return vocabCommand(p);
        if (command == "train")
            return trainCommand(p);
        if (command == "evaluate")
            return evaluateCommand(p);
        std::fprintf(stderr, "usage: bertlens-train-mini vocab|train|evaluate ...\n");
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bertlens-train-mini: %s\n", e.what());
        return 1;
    }
}
