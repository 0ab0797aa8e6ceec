#pragma once

#include "analysis/maps/map_options.h"

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace bertlens {

// `unitRows`: [n, d] unit rows; `layout`: [n, 2].
MapQuality measureMap(const at::Tensor &unitRows, const Matrix &layout, int k = 10, int sampleLimit = 10000, uint64_t seed = 1);

} // namespace bertlens
