#pragma once

#include <ATen/core/Tensor.h>

#include <string>

namespace bertlens {

enum class Pooling { None, Cls, Mean, Max };

// "none", "cls", "mean", "max"; a usage error names anything else.
Pooling parsePooling(const std::string &name);
const char *poolingName(Pooling pooling);

// Sentence vectors from token vectors. hidden: [..., B, T, H]; mask: [B, T] with 1 for real tokens.
// Mean and max look at real tokens only ([CLS] and [SEP] included, as sentence-transformers
// does). Returns [..., B, H]. Pooling::None is not a pooling and is rejected.
at::Tensor poolTokens(const at::Tensor &hidden, const at::Tensor &mask, Pooling pooling);

} // namespace bertlens
