#include "mlm_training.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace bertlens::train {

SpecialIds specialIdsOf(const std::vector<std::string> &vocab)
{
    auto find = [&](const char *name) {
        const auto it = std::find(vocab.begin(), vocab.end(), name);
        if (it == vocab.end())
            throw std::runtime_error(std::string("the vocabulary has no ") + name);
        return int(it - vocab.begin());
    };
    SpecialIds s;
    s.pad = find("[PAD]");
    s.cls = find("[CLS]");
    s.sep = find("[SEP]");
    s.mask = find("[MASK]");
    s.firstOrdinary = 0;
    while (s.firstOrdinary < int(vocab.size()) && vocab[size_t(s.firstOrdinary)].size() > 2
           && vocab[size_t(s.firstOrdinary)].front() == '[' && vocab[size_t(s.firstOrdinary)].back() == ']')
        ++s.firstOrdinary;
    return s;
}

MaskedBatch maskBatch(const std::vector<const Example *> &examples, const SpecialIds &special, int vocabSize, std::mt19937 &rng)
{
    size_t t = 0;
    for (auto *e : examples)
        t = std::max(t, e->ids.size());
    const int64_t b = int64_t(examples.size());
    MaskedBatch out;
    out.ids = torch::full({b, int64_t(t)}, special.pad, torch::kLong);
    out.types = torch::zeros({b, int64_t(t)}, torch::kLong);
    out.mask = torch::zeros({b, int64_t(t)}, torch::kLong);
    std::vector<int64_t> positions, targets;
    std::uniform_real_distribution<double> u(0, 1);
    std::uniform_int_distribution<int> randomToken(special.firstOrdinary, vocabSize - 1);
    auto ids = out.ids.accessor<int64_t, 2>();
    auto types = out.types.accessor<int64_t, 2>();
    auto mask = out.mask.accessor<int64_t, 2>();
    for (int64_t i = 0; i < b; ++i) {
        const auto &e = examples[size_t(i)]->ids;
        for (size_t j = 0; j < e.size(); ++j) {
            ids[i][long(j)] = e[j];
            types[i][long(j)] = j >= examples[size_t(i)]->secondFrom;
            mask[i][long(j)] = 1;
            if (e[j] == special.cls || e[j] == special.sep || u(rng) >= 0.15)
                continue;
            positions.push_back(i * int64_t(t) + int64_t(j));
            targets.push_back(e[j]);
            const double r = u(rng); // 80% [MASK], 10% a random token, 10% unchanged
            if (r < 0.8)
                ids[i][long(j)] = special.mask;
            else if (r < 0.9)
                ids[i][long(j)] = randomToken(rng);
        }
    }
    out.positions = torch::tensor(positions, torch::kLong);
    out.targets = torch::tensor(targets, torch::kLong);
    return out;
}

namespace {

MaskedBatch onDevice(MaskedBatch b, torch::Device device)
{
    return {b.ids.to(device), b.types.to(device), b.mask.to(device), b.positions.to(device), b.targets.to(device)};
}


// One pass over the examples in batches of similar length (sorted within windows of 50 batches,
// the batches then shuffled): a batch pads to its longest example, and the corpus mixes 128-token
// blocks with 20-token sentence pairs.
std::vector<std::vector<const Example *>> lengthBuckets(const Examples &examples, size_t batch, std::mt19937 &rng)
{
    std::vector<const Example *> order;
    for (const auto &e : examples)
        order.push_back(&e);
    std::shuffle(order.begin(), order.end(), rng);
    const size_t window = batch * 50;
    for (size_t from = 0; from < order.size(); from += window)
        std::sort(order.begin() + long(from), order.begin() + long(std::min(order.size(), from + window)),
                  [](const Example *a, const Example *b) { return a->ids.size() < b->ids.size(); });
    std::vector<std::vector<const Example *>> batches;
    for (size_t from = 0; from + batch <= order.size(); from += batch)
        batches.emplace_back(order.begin() + long(from), order.begin() + long(from + batch));
    std::shuffle(batches.begin(), batches.end(), rng);
    return batches;
}

} // namespace

int trainMlm(MlmModel &model, Examples examples, const SpecialIds &special, const TrainOptions &o)
{
    const int vocabSize = model.config().vocabSize;
    torch::optim::AdamW optimizer(model.parameters(), torch::optim::AdamWOptions(o.lr).weight_decay(0.01));
    int step = 0;
    // A checkpoint is a folder written whole as "next" and then renamed to "current", so that a run
    // killed at any moment leaves the last complete one ("previous" while the swap happens).
    namespace fs = std::filesystem;
    const fs::path dir = o.checkpointDir;
    if (!o.checkpointDir.empty()) {
        fs::create_directories(dir);
        for (const char *name : {"current", "previous"}) {
            if (!fs::exists(dir / name / "step.txt"))
                continue;
            std::vector<torch::Tensor> saved;
            torch::load(saved, (dir / name / "params.pt").string());
            torch::NoGradGuard noGrad;
            const auto params = model.parameters();
            if (saved.size() != params.size())
                throw std::runtime_error((dir / name).string() + ": a checkpoint of another model");
            for (size_t i = 0; i < params.size(); ++i)
                params[i].copy_(saved.at(i));
            torch::load(optimizer, (dir / name / "optimizer.pt").string());
            std::ifstream((dir / name / "step.txt").string()) >> step;
            std::printf("resumed from %s at step %d\n", (dir / name).c_str(), step);
            break;
        }
    }
    auto save = [&] {
        if (!o.checkpointDir.empty()) {
            fs::remove_all(dir / "next");
            fs::create_directories(dir / "next");
            torch::save(model.parameters(), (dir / "next" / "params.pt").string());
            torch::save(optimizer, (dir / "next" / "optimizer.pt").string());
            std::ofstream((dir / "next" / "step.txt").string()) << step << "\n";
            fs::remove_all(dir / "previous");
            if (fs::exists(dir / "current"))
                fs::rename(dir / "current", dir / "previous");
            fs::rename(dir / "next", dir / "current");
            fs::remove_all(dir / "previous");
        }
        if (o.onSave)
            o.onSave(step);
        std::printf("saved step %d\n", step);
        std::fflush(stdout);
    };

    std::mt19937 rng(uint32_t(o.seed * 7919u + uint32_t(step)));
    std::vector<std::vector<const Example *>> batches;
    size_t cursor = 0;
    const auto start = std::chrono::steady_clock::now();
    auto elapsedMinutes = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 60; };
    // Summed on the device: reading a loss synchronises a GPU, so only every 50 steps.
    torch::Tensor lossSum = torch::zeros({}, torch::TensorOptions().device(o.device));
    int lossSteps = 0; // in lossSum: fewer than 50 in the first window after a resume
    long long seenTokens = 0;
    double lastSave = 0;
    while (step < o.steps && elapsedMinutes() < std::min(o.minutes, o.stopAfterMinutes)) {
        if (cursor == batches.size()) {
            batches = lengthBuckets(examples, size_t(o.batch), rng);
            cursor = 0;
        }
        const auto &batch = batches[cursor++];
        for (const Example *e : batch)
            seenTokens += (long long)e->ids.size();
        const MaskedBatch mb = onDevice(maskBatch(batch, special, vocabSize, rng), o.device);
        const double progress = std::max(double(step) / o.steps, elapsedMinutes() / o.minutes);
        const double lr = progress < 0.05 ? o.lr * std::max(progress, 1.0 / o.steps) / 0.05 : o.lr * std::max(0.0, (1 - progress) / 0.95);
        for (auto &group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions &>(group.options()).lr(lr);
        const torch::Tensor logits = model.maskedLogits(mb.ids, mb.types, mb.mask, mb.positions, o.compute, o.dropout);
        const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, mb.targets);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();
        lossSum += loss.detach();
        ++lossSteps;
        ++step;
        if (step % 50 == 0) {
            const double correct = (logits.argmax(-1) == mb.targets).sum().item<double>();
            std::printf("step %d  lr %.2e  loss %.3f  masked acc %.3f  %.0f tokens/s  %.1f min\n", step, lr,
                        lossSum.item<double>() / lossSteps, correct / std::max<double>(1, double(mb.targets.numel())),
                        double(seenTokens) / (elapsedMinutes() * 60), elapsedMinutes());
            std::fflush(stdout);
            lossSum.zero_();
            lossSteps = 0;
        }
        if ((o.saveEvery > 0 && step % o.saveEvery == 0) || elapsedMinutes() - lastSave >= o.saveEveryMinutes) {
            save();
            lastSave = elapsedMinutes();
        }
    }
    save();
    return step;
}

std::pair<double, double> evaluateMlm(const MlmModel &model, const Examples &examples,
                                      const SpecialIds &special, const TrainOptions &o)
{
    torch::NoGradGuard noGrad;
    std::mt19937 rng(12345);
    double loss = 0, correct = 0, count = 0;
    for (size_t first = 0; first < examples.size(); first += size_t(o.batch)) {
        std::vector<const Example *> batch;
        for (size_t i = first; i < std::min(examples.size(), first + size_t(o.batch)); ++i)
            batch.push_back(&examples[i]);
        const MaskedBatch mb = onDevice(maskBatch(batch, special, model.config().vocabSize, rng), o.device);
        const torch::Tensor logits = model.maskedLogits(mb.ids, mb.types, mb.mask, mb.positions, o.compute);
        loss += torch::nn::functional::cross_entropy(logits, mb.targets, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                    .item<double>();
        correct += (logits.argmax(-1) == mb.targets).sum().item<double>();
        count += double(mb.targets.numel());
    }
    return {loss / std::max(1.0, count), correct / std::max(1.0, count)};
}

} // namespace bertlens::train
