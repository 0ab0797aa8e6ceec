#pragma once

#include "analysis/probe/labelled_inputs.h"
#include "analysis/probe/probe_result.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;

// "Which layer knows this?": for every hidden state, a linear probe (logistic_regression.h) on
// the pooled sentence vectors, k-fold cross-validated, and the same probe on a control whose
// training labels are shuffled within each training fold — what the probe learns there is what
// any layer's vectors let it memorise, so the accuracy above the control is what the layer knows
// (Hewitt & Liang 2019 make the same point with control tasks).

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
