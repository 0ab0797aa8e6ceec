#pragma once
// What a map is asked for and what it gives: plain data (no LibTorch), for the window and the CLI.

#include "analysis/matrix.h"
#include "common/cancel.h"

#include <cstdint>
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

// The neighbour search (neighbour_graph.h).
struct NeighbourOptions {
    // Up to this many points the search is exact (blocked matrix products, O(n²d)); beyond it an
    // inverted-file search: the points are clustered (k-means, √n lists) and each list is searched
    // against the members of the `probes` lists nearest its centre.
    int exactUpTo = 20000;
    int probes = 24;
    int recallSample = 1000; // points whose exact neighbours measure an approximate graph's recall
    uint64_t seed = 1;
    const CancelToken *cancel = nullptr;
};

// UMAP's layout (umap_layout.h).
struct UmapOptions {
    double minDist = 0.1;
    double spread = 1.0;
    int epochs = 0; // 0: 500 up to 10,000 points, 200 beyond (umap-learn's choice)
    int negativeRate = 5;
    double learningRate = 1.0;
    uint64_t seed = 42;
    int progressEvery = 10; // epochs
    const CancelToken *cancel = nullptr;
};

// t-SNE's layout (tsne_layout.h).
struct TsneOptions {
    double perplexity = 30;
    int iterations = 1000;
    int exaggerationIterations = 250;
    double exaggeration = 12;
    double theta = 0.5;
    int exactUpTo = 1000;
    int progressEvery = 25;
    const CancelToken *cancel = nullptr;
};

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

// How well a 2-D map keeps neighbourhoods (cosine in the vectors, Euclidean on the map).
struct MapQuality {
    int k = 10;
    // Trustworthiness (Venna & Kaski 2001): 1 less a penalty for every point that is among a
    // point's k nearest on the map but not in the vectors, by how far down the vectors' ranking
    // it is; 1 = no false neighbours. As scikit-learn's manifold.trustworthiness.
    double trustworthiness = 0;
    // k-NN preservation: the share of each point's k nearest in the vectors that are among its k
    // nearest on the map, averaged.
    double neighbourPreservation = 0;
    int sampled = 0; // points averaged over: all, or a seeded sample of large sets
    int points = 0;
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

} // namespace bertlens
