#pragma once

#include <string>

namespace bertlens {

// MeanSqrtLen: the sum over the tokens divided by √(token count), as sentence-transformers'
// pooling_mode_mean_sqrt_len_tokens.
enum class Pooling { None, Cls, Mean, Max, MeanSqrtLen };

// "none", "cls", "mean", "max", "mean_sqrt_len"; a usage error names anything else.
Pooling parsePooling(const std::string &name);
const char *poolingName(Pooling pooling);

} // namespace bertlens
