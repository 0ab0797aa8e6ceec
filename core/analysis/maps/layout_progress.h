#pragma once

#include "analysis/matrix.h"

#include <functional>

namespace bertlens {

// The layout so far ([points, 2]) after `step` of `steps`, for drawing a map while it is computed.
using LayoutProgress = std::function<void(const Matrix &layout, int step, int steps)>;

} // namespace bertlens
