#pragma once

#include "model/bert_model.h"
#include "tokenizer/encoding.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace bertlens {

// Right-pads encodings into one batch; padding gets padId, type 0 and mask 0.
Batch makeBatch(const std::vector<const Encoding *> &encodings, int padId);

// One sentence of a batched result, padding removed.
struct SentenceOutput {
    at::Tensor hidden;      // [K, T, H]: the layers in `layers` (all L+1 when it is empty)
    at::Tensor attentions;  // [L, heads, T, T], undefined unless computed
    std::vector<int> layers; // which hidden states `hidden` holds, 0..L; empty: all, in order

    // The hidden states of these layers, [wanted.size(), T, H]; each must have been kept.
    at::Tensor layersOf(const std::vector<int> &wanted) const;
};

SentenceOutput sentenceOf(const ForwardResult &result, int index, int length, const std::vector<int> &layers = {});

} // namespace bertlens
