#pragma once

#include <ATen/core/Tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace bertlens {

// Tensors as a file stores them: names as written, element types as stored. What the names
// mean is the model's business, not the reader's.
using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// "[2, 3]", for messages.
inline std::string shapeToString(at::IntArrayRef shape)
{
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

} // namespace bertlens
