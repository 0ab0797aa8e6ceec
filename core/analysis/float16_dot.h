#pragma once

#include <cstdint>

namespace bertlens {

// scores[i] = Σ_k rows[i, k] · query[k] for n row-major float16 rows of length d (IEEE half bits),
// accumulated in float32, on the compute threads. A corpus index stores its token vectors in
// float16 and reads them once per query, so this runs at memory speed: the conversion is fused
// into the products (F16C + FMA where the CPU has them; ATen converts a whole copy first, which
// measured 7× slower, and has no float16 matrix-vector product on CPUs at all).
void dotFloat16(const uint16_t *rows, int64_t n, int64_t d, const float *query, float *scores);

} // namespace bertlens
