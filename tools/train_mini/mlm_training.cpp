#include "mlm_training.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace bertlens::train {

MaskedBatch maskBatch(const std::vector<const std::vector<int32_t> *> &examples, const SpecialIds &special, int vocabSize,
                      std::mt19937 &rng)
{
    size_t t = 0;
    for (auto *e : examples)
        t = std::max(t, e->size());
    const int64_t b = int64_t(examples.size());
    MaskedBatch out;
    out.ids = torch::full({b, int64_t(t)}, special.pad, torch::kLong);
    out.mask = torch::zeros({b, int64_t(t)}, torch::kLong);
    std::vector<int64_t> positions, targets;
    std::uniform_real_distribution<double> u(0, 1);
    std::uniform_int_distribution<int> randomToken(special.firstOrdinary, vocabSize - 1);
    auto ids = out.ids.accessor<int64_t, 2>();
    auto mask = out.mask.accessor<int64_t, 2>();
    for (int64_t i = 0; i < b; ++i) {
        const auto &e = *examples[size_t(i)];
        for (size_t j = 0; j < e.size(); ++j) {
            ids[i][long(j)] = e[j];
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
    return {b.ids.to(device), b.mask.to(device), b.positions.to(device), b.targets.to(device)};
}

std::string inDir(const std::string &dir, const char *name) { return (std::filesystem::path(dir) / name).string(); }

} // namespace

int trainMlm(MlmModel &model, std::vector<std::vector<int32_t>> examples, const SpecialIds &special, const TrainOptions &o)
{
    const int vocabSize = model.config().vocabSize;
    torch::optim::AdamW optimizer(model.parameters(), torch::optim::AdamWOptions(o.lr).weight_decay(0.01));
    int step = 0;
    if (!o.checkpointDir.empty()) {
        std::filesystem::create_directories(o.checkpointDir);
        if (std::filesystem::exists(inDir(o.checkpointDir, "step.txt"))) {
            std::vector<torch::Tensor> saved;
            torch::load(saved, inDir(o.checkpointDir, "params.pt"));
            torch::NoGradGuard noGrad;
            const auto params = model.parameters();
            for (size_t i = 0; i < params.size(); ++i)
                params[i].copy_(saved.at(i));
            torch::load(optimizer, inDir(o.checkpointDir, "optimizer.pt"));
            std::ifstream(inDir(o.checkpointDir, "step.txt")) >> step;
            std::printf("resumed at step %d\n", step);
        }
    }
    auto save = [&] {
        if (!o.checkpointDir.empty()) {
            torch::save(model.parameters(), inDir(o.checkpointDir, "params.pt"));
            torch::save(optimizer, inDir(o.checkpointDir, "optimizer.pt"));
            std::ofstream(inDir(o.checkpointDir, "step.txt")) << step << "\n";
        }
        if (o.onSave)
            o.onSave(step);
        std::printf("saved step %d\n", step);
        std::fflush(stdout);
    };

    std::mt19937 rng(uint32_t(o.seed * 7919u + uint32_t(step)));
    std::shuffle(examples.begin(), examples.end(), rng);
    const auto start = std::chrono::steady_clock::now();
    auto elapsedMinutes = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 60; };
    size_t cursor = size_t(step) * size_t(o.batch) % examples.size();
    // Summed on the device: reading a loss synchronises a GPU, so only every 50 steps.
    torch::Tensor lossSum = torch::zeros({}, torch::TensorOptions().device(o.device));
    long long seenTokens = 0;
    while (step < o.steps && elapsedMinutes() < o.minutes) {
        std::vector<const std::vector<int32_t> *> batch;
        for (int i = 0; i < o.batch; ++i) {
            if (cursor >= examples.size()) {
                cursor = 0;
                std::shuffle(examples.begin(), examples.end(), rng);
            }
            batch.push_back(&examples[cursor++]);
            seenTokens += (long long)batch.back()->size();
        }
        const MaskedBatch mb = onDevice(maskBatch(batch, special, vocabSize, rng), o.device);
        const double progress = std::max(double(step) / o.steps, elapsedMinutes() / o.minutes);
        const double lr = progress < 0.05 ? o.lr * std::max(progress, 1.0 / o.steps) / 0.05 : o.lr * std::max(0.0, (1 - progress) / 0.95);
        for (auto &group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions &>(group.options()).lr(lr);
        const torch::Tensor logits = model.maskedLogits(mb.ids, mb.mask, mb.positions, o.compute, o.dropout);
        const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, mb.targets);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();
        lossSum += loss.detach();
        ++step;
        if (step % 50 == 0) {
            const double correct = (logits.argmax(-1) == mb.targets).sum().item<double>();
            std::printf("step %d  lr %.2e  loss %.3f  masked acc %.3f  %.0f tokens/s  %.1f min\n", step, lr,
                        lossSum.item<double>() / 50, correct / std::max<double>(1, double(mb.targets.numel())),
                        double(seenTokens) / (elapsedMinutes() * 60), elapsedMinutes());
            std::fflush(stdout);
            lossSum.zero_();
        }
        if (o.saveEvery > 0 && step % o.saveEvery == 0)
            save();
    }
    save();
    return step;
}

std::pair<double, double> evaluateMlm(const MlmModel &model, const std::vector<std::vector<int32_t>> &examples,
                                      const SpecialIds &special, const TrainOptions &o)
{
    torch::NoGradGuard noGrad;
    std::mt19937 rng(12345);
    double loss = 0, correct = 0, count = 0;
    for (size_t first = 0; first < examples.size(); first += size_t(o.batch)) {
        std::vector<const std::vector<int32_t> *> batch;
        for (size_t i = first; i < std::min(examples.size(), first + size_t(o.batch)); ++i)
            batch.push_back(&examples[i]);
        const MaskedBatch mb = onDevice(maskBatch(batch, special, model.config().vocabSize, rng), o.device);
        const torch::Tensor logits = model.maskedLogits(mb.ids, mb.mask, mb.positions, o.compute);
        loss += torch::nn::functional::cross_entropy(logits, mb.targets, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                    .item<double>();
        correct += (logits.argmax(-1) == mb.targets).sum().item<double>();
        count += double(mb.targets.numel());
    }
    return {loss / std::max(1.0, count), correct / std::max(1.0, count)};
}

} // namespace bertlens::train
