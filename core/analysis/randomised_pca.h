#pragma once

#include "analysis/projection.h"

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace bertlens {

// The k leading principal components of the rows of `rows` ([n, d] float32, centred here) by
// randomised SVD (Halko, Martinsson & Tropp 2011): a range of k + 30 random directions refined by
// `iterations` power iterations, then the exact SVD of the small projected
// matrix. Signs and fields as pca(). For a 100k × 768 corpus it takes a fraction of the exact
// SVD's time; bench_corpus reports how far its components are from the exact ones. The random
// directions come from `seed`: the same rows give the same result.
PcaResult randomisedPca(const at::Tensor &rows, int k, int iterations = 4, uint64_t seed = 1);

} // namespace bertlens
