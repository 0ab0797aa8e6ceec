#pragma once

#include "analysis/matrix.h"

#include <ATen/core/Tensor.h>

namespace bertlens {

// The crossing between LibTorch and the plain matrices the window is given.
// A float32 copy of a 2-D tensor of any floating type.
Matrix toMatrix(const at::Tensor &t);
// A [rows, cols] float32 view of the matrix's values (no copy: the matrix must outlive it).
at::Tensor tensorView(const Matrix &m);

} // namespace bertlens
