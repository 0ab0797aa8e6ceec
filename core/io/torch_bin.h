#pragma once

#include <string>

namespace bertlens {

class WeightStore;

// Reads a state dict written by Python's torch.save (pytorch_model.bin): the zip format of
// PyTorch >= 1.6, or the legacy format before it. Float tensors become F32.
void readTorchBin(const std::string &path, WeightStore &store);

} // namespace bertlens
