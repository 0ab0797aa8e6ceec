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
    at::Tensor hidden;     // [L+1, T, H] (or [1, T, H] when only the last layer was kept)
    at::Tensor attentions; // [L, heads, T, T], undefined unless computed
};

SentenceOutput sentenceOf(const ForwardResult &result, int index, int length);

} // namespace bertlens
