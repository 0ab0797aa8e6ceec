#pragma once

// oneDNN, the library under LibTorch's CPU kernels, called directly where ATen's own route is
// slow for BERT's shapes. Private to core/model.

#include <ATen/core/Tensor.h>

#include <dnnl.hpp>

namespace bertlens::onednn {

const dnnl::engine &cpuEngine();

// A tensor's shape and strides as oneDNN sees them (float32 or bfloat16).
dnnl::memory::desc describe(const at::Tensor &t);

// [..., M, K] · [..., K, N] -> float32 [..., M, N], both inputs read in place whatever their
// strides (permuted or transposed views of one projection). ATen's bmm runs these as one small
// BLAS call per matrix; oneDNN runs the whole batch at once, 12x faster for a batch of 20
// sentences of 26 tokens (bench_forward's "32 tokens" case and the corpus both gain).
at::Tensor batchedMatmul(const at::Tensor &a, const at::Tensor &b);

} // namespace bertlens::onednn
