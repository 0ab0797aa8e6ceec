#include "analysis/maps/embedding_map.h"

#include "analysis/maps/map_quality.h"
#include "analysis/maps/neighbour_graph.h"
#include "analysis/maps/tsne_layout.h"
#include "analysis/maps/umap_layout.h"
#include "analysis/projection.h"
#include "analysis/randomised_pca.h"
#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace bertlens {

namespace {

constexpr int64_t kExactPcaElements = 8 << 20;
// Quality over every point up to 10,000 (a few seconds); beyond, over a seeded sample of 2,000 (its
// standard error on trustworthiness is below 0.005), so that a 100k map is not waited for twice.
constexpr int kExactQualityPoints = 10000;
constexpr int kQualitySample = 2000;

PcaResult principalPlane(const at::Tensor &rows)
{
    if (rows.numel() <= kExactPcaElements)
        return pca(toMatrix(rows), 2);
    return randomisedPca(rows, 2);
}

// A start needs the plane, not its last digits: the randomised SVD (seeded) at any size.
PcaResult startingPlane(const at::Tensor &rows, uint64_t seed)
{
    if (rows.size(0) <= 2000)
        return pca(toMatrix(rows), 2);
    return randomisedPca(rows, 2, 4, seed);
}

// The PCA plane of the unit rows, scaled: UMAP starts within ±10 (as umap-learn's spectral start),
// t-SNE with a standard deviation of 1e-4 on the first axis (as scikit-learn's PCA start).
Matrix startingLayout(const at::Tensor &unitRows, MapMethod method, uint64_t seed)
{
    const PcaResult plane = startingPlane(unitRows, seed);
    Matrix start(int(unitRows.size(0)), 2);
    for (int i = 0; i < start.rows; ++i)
        for (int c = 0; c < std::min(2, plane.projected.cols); ++c)
            start.at(i, c) = float(plane.projected.at(i, c));
    double scale = 1;
    if (method == MapMethod::Umap) {
        float largest = 0;
        for (float v : start.values)
            largest = std::max(largest, std::abs(v));
        scale = largest > 0 ? 10.0 / largest : 1.0;
    } else {
        double mean = 0, square = 0;
        for (int i = 0; i < start.rows; ++i)
            mean += start.at(i, 0), square += double(start.at(i, 0)) * start.at(i, 0);
        mean /= start.rows;
        const double deviation = std::sqrt(std::max(0.0, square / start.rows - mean * mean));
        scale = deviation > 0 ? 1e-4 / deviation : 1.0;
    }
    for (float &v : start.values)
        v = float(v * scale);
    return start;
}

} // namespace

const std::vector<MapMethodName> &mapMethodNames()
{
    static const std::vector<MapMethodName> names = {
        {MapMethod::Pca, "pca", "PCA"}, {MapMethod::Umap, "umap", "UMAP"}, {MapMethod::Tsne, "tsne", "t-SNE"}};
    return names;
}

const MapMethodName &mapMethodName(MapMethod method)
{
    for (const MapMethodName &name : mapMethodNames())
        if (name.method == method)
            return name;
    return mapMethodNames().front();
}

std::optional<MapMethod> mapMethodFromId(const std::string &id)
{
    for (const MapMethodName &name : mapMethodNames())
        if (id == name.id)
            return name.method;
    return std::nullopt;
}

MapResult computeMap(const at::Tensor &vectors, const MapOptions &options, const LayoutProgress &progress)
{
    c10::InferenceMode inference;
    const at::Tensor rows = vectors.to(at::kFloat).contiguous();
    const int n = int(rows.size(0));
    MapResult result;
    result.method = options.method;
    result.seed = options.seed;
    const at::Tensor unit = unitRowsOf(rows);
    // Fewer than 4 points have no neighbourhoods to keep: every method shows their PCA.
    if (options.method == MapMethod::Pca || n < 4) {
        const PcaResult plane = principalPlane(rows);
        result.explainedRatio = plane.explainedRatio;
        result.layout = Matrix(n, 2);
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < std::min(2, plane.projected.cols); ++c)
                result.layout.at(i, c) = float(plane.projected.at(i, c));
    } else {
        NeighbourOptions search = options.search;
        search.seed = options.seed;
        search.cancel = options.cancel;
        const bool umap = options.method == MapMethod::Umap;
        const int k = umap ? options.neighbours : tsneNeighbours(n, options.tsne.perplexity);
        const bool needsGraph = umap || n > options.tsne.exactUpTo;
        const NeighbourGraph graph = needsGraph ? nearestNeighbours(unit, k, search) : NeighbourGraph{};
        result.neighbours = needsGraph ? graph.k : n - 1;
        result.exactNeighbours = graph.exact;
        result.neighbourRecall = graph.recall;
        result.recallSample = graph.recallSample;
        Matrix start = startingLayout(unit, options.method, options.seed);
        if (umap) {
            UmapOptions umapOptions = options.umap;
            umapOptions.seed = options.seed;
            umapOptions.cancel = options.cancel;
            result.layout = umapLayout(graph, std::move(start), umapOptions, progress);
        } else {
            TsneOptions tsneOptions = options.tsne;
            tsneOptions.cancel = options.cancel;
            result.layout = tsneLayout(unit, graph, std::move(start), tsneOptions, progress);
        }
    }
    if (options.measureQuality && n >= 3)
        result.quality = measureMap(unit, result.layout, options.qualityK, n <= kExactQualityPoints ? n : kQualitySample, options.seed);
    return result;
}

MapResult computeMap(const Matrix &vectors, const MapOptions &options, const LayoutProgress &progress)
{
    return computeMap(tensorView(vectors), options, progress);
}

} // namespace bertlens
