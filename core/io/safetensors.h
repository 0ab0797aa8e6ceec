#pragma once

#include "io/named_tensors.h"

#include <map>
#include <string>

namespace bertlens {

// Every tensor of a .safetensors file, in its stored type. Aligned tensors use the memory-mapped
// bytes in place (the mapping lives as long as the last of them).
NamedTensors readSafetensors(const std::string &path);

enum class StoredFloat { F32, F16 };

// Writes tensors (float tensors stored as `floatType`) atomically: temporary file, then rename.
void writeSafetensors(const std::string &path, const NamedTensors &tensors,
                      StoredFloat floatType = StoredFloat::F32,
                      const std::map<std::string, std::string> &metadata = {});

} // namespace bertlens
