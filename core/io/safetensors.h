#pragma once

#include <ATen/core/Tensor.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bertlens {

class WeightStore;

// Reads every tensor of a .safetensors file into the store. F32 tensors use the memory-mapped
// bytes in place; F16, BF16 and F64 are converted to F32; integer tensors keep their type.
void readSafetensors(const std::string &path, WeightStore &store);

enum class StoredFloat { F32, F16 };

// Writes tensors (float tensors stored as `floatType`) atomically: temporary file, then rename.
void writeSafetensors(const std::string &path, const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                      StoredFloat floatType = StoredFloat::F32,
                      const std::map<std::string, std::string> &metadata = {});

} // namespace bertlens
