#pragma once

#include "io/named_tensors.h"

#include <string>

namespace bertlens {

// The state dict written by Python's torch.save (pytorch_model.bin): the zip format of
// PyTorch >= 1.6, or the legacy format before it. Tensors keep their stored type.
NamedTensors readTorchBin(const std::string &path);

} // namespace bertlens
