#pragma once

#include "analysis/pooling_mode.h"
#include "analysis/probe/labelled_inputs.h"
#include "common/cancel.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;

// "Which layer knows this?": for every hidden state, a linear probe (logistic_regression.h) on
// the pooled sentence vectors, k-fold cross-validated, and the same probe on a control whose
// training labels are shuffled within each training fold — what the probe learns there is what
// any layer's vectors let it memorise, so the accuracy above the control is what the layer knows
// (Hewitt & Liang 2019 make the same point with control tasks).
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

// Line i of a label goes to fold (i mod k) — its position among the lines of that label — so every
// fold holds each label in proportion, whatever the order of the file. Each label needs ≥ k lines.
std::vector<int> probeFolds(const std::vector<int> &labelOf, int classes, int folds);

// `vectors`: [examples, layers, H] (layer j is hidden state j); `labels`: one per example.
ProbeResult probeVectors(const at::Tensor &vectors, const std::vector<std::string> &labels, const ProbeOptions &options);

// The examples through the model (every hidden state pooled), then probeVectors. An input error
// names a label with fewer lines than folds, or a set with one label.
ProbeResult probeLayers(const LoadedModel &model, const std::vector<LabelledInput> &examples, const ProbeOptions &options);

// Every hidden state of every example, pooled: [examples, L + 1, H] float32.
at::Tensor pooledLayers(const LoadedModel &model, const std::vector<LabelledInput> &examples, Pooling pooling,
                        const CancelToken *cancel = nullptr, const ProgressFn &progress = {});

} // namespace bertlens
