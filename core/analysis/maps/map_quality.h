#pragma once

#include "analysis/matrix.h"

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace bertlens {

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

// `unitRows`: [n, d] unit rows; `layout`: [n, 2].
MapQuality measureMap(const at::Tensor &unitRows, const Matrix &layout, int k = 10, int sampleLimit = 10000, uint64_t seed = 1);

} // namespace bertlens
