// The maps at scale: neighbour search, UMAP and t-SNE times (2 threads), the approximate search's
// recall, and each map's trustworthiness and 10-NN preservation. With --save, the vectors are also
// written as .npy, and with --save-layouts PREFIX each map as PREFIXumap.npy, PREFIXtsne.npy:
// bench/peers/maps.py runs umap-learn and scikit-learn's t-SNE on the same vectors (the baseline,
// in the same session) and measures every map, ours included, with scikit-learn's trustworthiness.
//
// Usage:
//   bench_maps --corpus MODEL_DIR CORPUS.txt N [--save OUT.npy]   the first N lines' sentence vectors
//                                                                  (mean-pooled last layer)
//   bench_maps --synthetic N D [--save OUT.npy]                    N points of a mixture of 50
//                                                                  anisotropic Gaussians in D dimensions
//   bench_maps --vectors V.npy _ _                                  vectors saved before ([N, D] float32)
//   options: --methods umap,tsne   --threads T (2)   --save-layouts PREFIX   --probes P (the
//            inverted-file search's lists searched, for its recall against its speed)
#include "analysis/corpus_index.h"
#include "analysis/maps/embedding_map.h"
#include "analysis/maps/map_quality.h"
#include "analysis/maps/neighbour_graph.h"
#include "common/threads.h"
#include "export/npy_format.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

using namespace bertlens;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

at::Tensor corpusVectors(const std::string &modelDir, const std::string &corpusPath, long long n)
{
    // The first n lines, as a corpus of their own.
    std::ifstream in(corpusPath);
    const std::string head = corpusPath + ".first" + std::to_string(n);
    std::ofstream out(head);
    std::string line;
    for (long long i = 0; i < n && std::getline(in, line); ++i)
        out << line << '\n';
    out.close();
    const auto model = LoadedModel::load(modelDir);
    const auto t = Clock::now();
    const CorpusIndex index = CorpusIndex::build(*model, head, CorpusIndexOptions());
    std::printf("embedded %lld lines in %.1f s (%s, hidden %d)\n", (long long)index.lines().size(), since(t), modelDir.c_str(),
                model->config.hiddenSize);
    return index.lineVectors();
}

// 50 clusters with their own directions of spread, around a shared offset (BERT's vectors share one).
at::Tensor syntheticVectors(int64_t n, int64_t d)
{
    at::manual_seed(5);
    const at::Tensor offset = 3 * at::randn({d});
    const at::Tensor centres = at::randn({50, d});
    const at::Tensor which = at::randint(50, {n}, at::kLong);
    const at::Tensor spreads = at::randn({50, d}).abs() * 0.5;
    return offset + centres.index_select(0, which) + at::randn({n, d}) * spreads.index_select(0, which);
}

at::Tensor savedVectors(const std::string &path)
{
    const NpyArray array = readNpyHeader(path);
    at::Tensor v = at::empty({array.rows, array.trailing.at(0)}, at::kFloat);
    std::ifstream in(path, std::ios::binary);
    in.seekg(std::streamoff(array.dataOffset));
    in.read(static_cast<char *>(v.data_ptr()), std::streamsize(v.numel() * 4));
    return v;
}

void saveNpy(const std::string &path, const float *values, int64_t rows, int64_t cols)
{
    std::ofstream out(path, std::ios::binary);
    out << npyHeader(rows, {cols});
    out.write(reinterpret_cast<const char *>(values), std::streamsize(rows * cols * 4));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_maps --corpus MODEL_DIR CORPUS N | --synthetic N D  [--save OUT.npy] [--methods umap,tsne] [--threads T]\n");
        return 2;
    }
    std::string methods = "umap,tsne", save, saveLayouts;
    int threads = 2, probes = NeighbourOptions().probes;
    for (int i = 4; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--methods"))
            methods = argv[++i];
        else if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--save"))
            save = argv[++i];
        else if (!std::strcmp(argv[i], "--save-layouts"))
            saveLayouts = argv[++i];
        else if (!std::strcmp(argv[i], "--probes"))
            probes = std::atoi(argv[++i]);
    }
    setComputeThreads(threads);
    at::Tensor vectors;
    if (!std::strcmp(argv[1], "--corpus") && argc >= 5)
        vectors = corpusVectors(argv[2], argv[3], std::atoll(argv[4]));
    else if (!std::strcmp(argv[1], "--synthetic"))
        vectors = syntheticVectors(std::atoll(argv[2]), std::atoll(argv[3]));
    else if (!std::strcmp(argv[1], "--vectors"))
        vectors = savedVectors(argv[2]);
    else
        return 2;
    vectors = vectors.to(at::kFloat).contiguous();
    if (!save.empty())
        saveNpy(save, vectors.data_ptr<float>(), vectors.size(0), vectors.size(1));
    std::printf("%lld × %lld vectors, %d threads\n", (long long)vectors.size(0), (long long)vectors.size(1), threads);
    for (const MapMethodName &name : mapMethodNames()) {
        if (methods.find(name.id) == std::string::npos)
            continue;
        MapOptions options;
        options.method = name.method;
        options.measureQuality = false;
        options.search.probes = probes;
        auto t = Clock::now();
        const MapResult map = computeMap(vectors, options);
        const double seconds = since(t);
        t = Clock::now();
        const MapQuality quality = measureMap(unitRowsOf(vectors), map.layout, 10, 10000, 1);
        std::printf("%-5s %7.2f s  neighbours %d %s (recall %.3f on %d points)  trustworthiness %.4f  10-NN kept %.3f (on %d points, %.1f s)\n",
                    name.label, seconds, map.neighbours, map.exactNeighbours ? "exact" : "approximate", map.neighbourRecall,
                    map.recallSample, quality.trustworthiness, quality.neighbourPreservation, quality.sampled, since(t));
        std::fflush(stdout);
        if (!saveLayouts.empty())
            saveNpy(saveLayouts + name.id + ".npy", map.layout.values.data(), map.layout.rows, 2);
    }
    return 0;
}
