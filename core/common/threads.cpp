#include "common/threads.h"

#include <ATen/Parallel.h>

#include <dlfcn.h>
#include <thread>

namespace bertlens {

void setComputeThreads(int threads)
{
    at::set_num_threads(threads < 1 ? 1 : threads);
    // Looked up at run time: the BLAS behind LibTorch is chosen by the system's alternatives
    // (OpenBLAS or the reference BLAS), not at link time.
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(1);
}

int defaultComputeThreads()
{
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : int(cores);
}

} // namespace bertlens
