#pragma once

namespace bertlens {

// Gives the BLAS (OpenBLAS, where the system selects it) `threads` threads and keeps LibTorch's
// own intra-op pool at one thread. Measured on 2 cores (bench/bench_forward, README): with both
// pools at 2 threads they spin against each other and a bert-base forward of one 128-token
// sentence takes 2.7x longer than with this split; at batch 16 the split is as fast as both at 2.
void setComputeThreads(int threads);

// The count used when the user does not choose one: every core.
int defaultComputeThreads();

} // namespace bertlens
