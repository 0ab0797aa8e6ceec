#pragma once

#include "analysis/pooling_mode.h"

#include <ATen/core/Tensor.h>

namespace bertlens {

// Sentence vectors from token vectors. hidden: [..., B, T, H]; mask: [B, T] with 1 for real tokens.
// Mean and max look at real tokens only ([CLS] and [SEP] included, as sentence-transformers
// does). Returns [..., B, H]. Pooling::None is not a pooling and is rejected.
at::Tensor poolTokens(const at::Tensor &hidden, const at::Tensor &mask, Pooling pooling);

} // namespace bertlens
