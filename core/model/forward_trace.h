#pragma once

#include "model/forward_hooks.h"

#include <string>
#include <utility>
#include <vector>

namespace bertlens {

// What one layer and head compute for one sentence, step by step (bertlens-cli trace, the
// walk-through): every point of the embeddings and of `layer` as [T, …] float tensors in the order
// they arise, per-head points for `head` only. An observer: the pass computes what it would without it.
struct ForwardTrace : ForwardHook {
    int layer = 1; // 1..L
    int head = 0;  // 0-based
    std::vector<std::pair<std::string, at::Tensor>> tensors;

    bool wants(Point point, int at) const override;
    at::Tensor visit(Point point, int at, const at::Tensor &value, const BatchShape &shape) override;
};

} // namespace bertlens
