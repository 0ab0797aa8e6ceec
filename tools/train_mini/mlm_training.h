#pragma once

#include "example_file.h"
#include "mlm_model.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace bertlens::train {

struct SpecialIds {
    int pad = 0, cls = 2, sep = 3, mask = 4;
    int firstOrdinary = 5; // random replacements are drawn from [firstOrdinary, vocab size)
};
// By name from the vocabulary's tokens (id = index); the bracketed entries before the first other
// token are never drawn as random replacements.
SpecialIds specialIdsOf(const std::vector<std::string> &vocab);

struct MaskedBatch {
    torch::Tensor ids, types, mask, positions, targets; // positions: flat indices into [B*T]
};

// BERT's masking: 15% of the non-special tokens are predicted; of those 80% become [MASK], 10% a
// random token, 10% stay as they are.
MaskedBatch maskBatch(const std::vector<const Example *> &examples, const SpecialIds &special, int vocabSize,
                      std::mt19937 &rng);

struct TrainOptions {
    // The budget: training stops at whichever ends first, and the learning rate (5% linear
    // warm-up to `lr`, then linear decay to 0) follows the budget's progress, so a run cut short by
    // time still ends with a decayed rate.
    int steps = 4000;        // optimiser steps
    double minutes = 1e9;    // wall-clock minutes of this run
    int batch = 32;          // sequences per step
    double lr = 1e-3;        // peak
    double dropout = 0;      // BERT uses 0.1
    uint64_t seed = 1;
    torch::Device device = torch::kCPU;
    torch::ScalarType compute = torch::kFloat; // kBFloat16: mixed precision with F32 master weights
    double stopAfterMinutes = 1e9; // ends this run (saving) without touching the schedule: a slice of a resumable run
    std::string checkpointDir; // resumes from here when it holds a checkpoint
    int saveEvery = 500;          // steps
    double saveEveryMinutes = 5;  // and at least this often
    std::function<void(int step)> onSave; // after each checkpoint, e.g. to export the model
};

// Trains `model` on the examples with AdamW (weight decay 0.01, gradient clipping 1.0), printing
// loss, masked accuracy and throughput every 50 steps. Returns the last step reached.
int trainMlm(MlmModel &model, Examples examples, const SpecialIds &special,
             const TrainOptions &options);

// The mean MLM loss and masked accuracy on examples (fixed masking seed), without gradients.
std::pair<double, double> evaluateMlm(const MlmModel &model, const Examples &examples,
                                      const SpecialIds &special, const TrainOptions &options);

} // namespace bertlens::train
