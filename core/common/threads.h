#pragma once

namespace bertlens {

// Gives LibTorch's OpenMP pool `threads` threads — oneDNN, which runs the linear layers, and
// the element-wise kernels share it — and keeps the BLAS (OpenBLAS, where the system selects
// it; it still runs the attention products) at one thread. Two pools spinning against each
// other on 2 cores made a bert-base forward 2.6x slower (bench/bench_forward, README).
void setComputeThreads(int threads);

// The count used when the user does not choose one: every core.
int defaultComputeThreads();

} // namespace bertlens
