#pragma once

#include "analysis/explain_request.h"
#include "analysis/matrix.h"
#include "common/cancel.h"

#include <vector>

namespace bertlens {

// What each head and each FFN block contributes to a target: f(x) − f(x with that one part
// knocked out as well as the request's knock-outs).
struct HeadImportance {
    Matrix heads;            // [L, heads]; row 0 is layer 1
    std::vector<double> ffn; // [L]
    double target = 0;       // f(x) with the request's knock-outs
    int maskPosition = -1;   // the mask target's [MASK] and token
    int tokenId = -1;
};

// One pass per text keeps every layer's input; then one batch per layer runs from that layer's
// input with one head (or the FFN) knocked out per row, so nothing below a knock-out is computed
// twice. Parts above a similarity's layer change nothing and score 0. progress counts layers.
HeadImportance headImportance(const LoadedModel &model, const ExplainRequest &request, const CancelToken *cancel = nullptr,
                              const ProgressFn &progress = {});

} // namespace bertlens
