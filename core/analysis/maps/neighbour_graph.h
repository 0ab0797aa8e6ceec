#pragma once

#include "analysis/maps/map_options.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace bertlens {

// Every point's k nearest other points by angle: rows are unit length and the distance is the
// Euclidean one between them, sqrt(2 − 2 cos), so the order is the cosine similarity's.
struct NeighbourGraph {
    int points = 0;
    int k = 0;
    std::vector<int32_t> index;  // [points, k], nearest first
    std::vector<float> distance; // [points, k]
    bool exact = true;
    // For an approximate graph: the share of the true k nearest neighbours found, measured
    // against an exact search from `recallSample` points (NaN when not measured).
    double recall = 1.0;
    int recallSample = 0;

    const int32_t *neighbours(int i) const { return index.data() + size_t(i) * size_t(k); }
    const float *distances(int i) const { return distance.data() + size_t(i) * size_t(k); }
};

// `unitRows`: [n, d] float32, each row unit length (or zero). k is capped at n − 1.
NeighbourGraph nearestNeighbours(const at::Tensor &unitRows, int k, const NeighbourOptions &options = {});

// The exact k nearest neighbours of the rows `queries` (indices into unitRows) among all rows,
// the query itself left out: [queries.size(), k] indices, nearest first.
std::vector<int32_t> exactNeighboursOf(const at::Tensor &unitRows, const std::vector<int32_t> &queries, int k);

// Rows scaled to unit length (zero rows stay zero), float32.
at::Tensor unitRowsOf(const at::Tensor &rows);

} // namespace bertlens
