#pragma once

#include "common/cancel.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace bertlens {

struct KMeansResult {
    std::vector<int32_t> cluster; // per row, 0..k-1
    at::Tensor centres;           // [k, d]
    double inertia = 0;           // sum of squared distances to the centres
    int iterations = 0;
};

// Lloyd's k-means from a k-means++ start (Arthur & Vassilvitskii 2007), Euclidean, seeded.
// k is capped at the number of rows. Stops when no row changes cluster or after maxIterations.
KMeansResult kMeans(const at::Tensor &rows, int k, uint64_t seed, int maxIterations = 100, const CancelToken *cancel = nullptr);

struct Silhouette {
    double value = 0; // mean silhouette coefficient in [-1, 1] (Rousseeuw 1987)
    int sampled = 0;  // rows it was averaged over (all, or a seeded sample of large sets)
};

// Euclidean distances, each sampled row against every row. 0 for fewer than 2 clusters.
Silhouette silhouette(const at::Tensor &rows, const std::vector<int32_t> &cluster, int sampleLimit = 5000, uint64_t seed = 1);

} // namespace bertlens
