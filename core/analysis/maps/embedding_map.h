#pragma once

#include "analysis/maps/layout_progress.h"
#include "analysis/maps/map_quality.h"
#include "analysis/maps/neighbour_graph.h"
#include "analysis/maps/tsne_layout.h"
#include "analysis/maps/umap_layout.h"
#include "analysis/matrix.h"

#include <ATen/core/Tensor.h>

#include <optional>
#include <string>
#include <vector>

namespace bertlens {

enum class MapMethod { Pca, Umap, Tsne };

// The methods by name: what a selector lists (labels are names, not translated), what the CLI
// and session files spell.
struct MapMethodName {
    MapMethod method;
    const char *id;    // "pca", "umap", "tsne"
    const char *label; // "PCA", "UMAP", "t-SNE"
};
const std::vector<MapMethodName> &mapMethodNames();
const MapMethodName &mapMethodName(MapMethod method);
std::optional<MapMethod> mapMethodFromId(const std::string &id);

struct MapOptions {
    MapMethod method = MapMethod::Pca;
    uint64_t seed = 42; // UMAP's sampling, and the approximate neighbour search's clustering
    int neighbours = 15; // UMAP's k
    UmapOptions umap;    // its seed and cancel are this struct's
    TsneOptions tsne;
    NeighbourOptions search;
    bool measureQuality = true;
    int qualityK = 10;
    const CancelToken *cancel = nullptr;
};

struct MapResult {
    MapMethod method = MapMethod::Pca;
    uint64_t seed = 0;
    Matrix layout;                      // [points, 2]
    std::vector<double> explainedRatio; // PCA: the variance share of each axis
    // UMAP and t-SNE: the neighbour graph they were built from.
    int neighbours = 0;
    bool exactNeighbours = true;
    double neighbourRecall = 1.0;
    int recallSample = 0;
    std::optional<MapQuality> quality;
};

// A 2-D map of the rows of `vectors` ([n, d]). PCA maps the vectors as they are (centred); UMAP
// and t-SNE their directions (cosine neighbourhoods, as the similarity views), started from the
// PCA of the unit rows. Quality is measured against cosine neighbourhoods for every method.
// `progress` is called with the layout while an iterative method runs; cancel throws.
MapResult computeMap(const at::Tensor &vectors, const MapOptions &options, const LayoutProgress &progress = {});
MapResult computeMap(const Matrix &vectors, const MapOptions &options, const LayoutProgress &progress = {});

} // namespace bertlens
