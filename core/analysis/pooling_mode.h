#pragma once

#include <string>

namespace bertlens {

enum class Pooling { None, Cls, Mean, Max };

// "none", "cls", "mean", "max"; a usage error names anything else.
Pooling parsePooling(const std::string &name);
const char *poolingName(Pooling pooling);

} // namespace bertlens
