#pragma once

namespace bertlens {

// Sets LibTorch's intra-op threads and, when the BLAS in use is OpenBLAS, its own thread pool to
// the same count. Left alone, both pools start one thread per core and oversubscribe them.
void setComputeThreads(int threads);

// The count BertLens uses when the user does not choose: measured in bench/ (see README).
int defaultComputeThreads();

} // namespace bertlens
