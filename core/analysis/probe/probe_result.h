#pragma once
// What a probe is asked for and what it found: plain data (no LibTorch), for the window and the CLI.

#include "analysis/pooling_mode.h"
#include "common/cancel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens {

struct ProbeOptions {
    Pooling pooling = Pooling::Mean;
    int folds = 5;
    double c = 1.0;     // inverse penalty, as scikit-learn's C
    uint64_t seed = 1;  // the control's shuffles
    const CancelToken *cancel = nullptr;
    ProgressFn progress; // sentences embedded, then layers probed (total: sentences + layers)
};

struct LayerProbe {
    int layer = 0;                // 0 = embeddings .. L
    std::vector<double> accuracy; // per fold, on the fold's held-out lines
    std::vector<double> control;  // per fold, trained on shuffled labels
    static double mean(const std::vector<double> &folds);
    static double deviation(const std::vector<double> &folds); // population standard deviation
};

struct ProbeResult {
    std::vector<std::string> labels; // in the order they first appear
    std::vector<int> counts;         // lines per label
    std::vector<LayerProbe> layers;
    int folds = 0;
    Pooling pooling = Pooling::Mean;
    double majority = 0; // accuracy of always answering the most common label
};

} // namespace bertlens
