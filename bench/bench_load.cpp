// Loading a model folder: wall time until the model is ready, and resident memory after the
// load against the weights file's size (the targets: ready in 0.5 s, at most 1.15x the file).
// Usage: bench_load MODEL_DIR [fp32|bf16]
#include "common/threads.h"
#include "model/loaded_model.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/stat.h>

using namespace bertlens;

namespace {

double residentMegabytes()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_load MODEL_DIR [fp32|bf16]\n");
        return 2;
    }
    setComputeThreads(defaultComputeThreads());
    const Precision precision = argc > 2 ? parsePrecision(argv[2]) : Precision::Float32;
    const double before = residentMegabytes();
    const auto start = std::chrono::steady_clock::now();
    const auto model = LoadedModel::load(argv[1], precision);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double after = residentMegabytes();
    struct stat st {};
    ::stat(model->folder.weightsPath.c_str(), &st);
    const double file = double(st.st_size) / (1 << 20);
    std::printf("%s (%s, %.0f MB): ready in %.3f s; resident %.0f MB after load (+%.0f MB), %.2fx the file\n",
                model->folder.weightsPath.c_str(), precisionName(model->encoder->precision()).c_str(), file, seconds, after,
                after - before, (after - before) / file);
    return 0;
}
