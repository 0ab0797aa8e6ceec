#pragma once

#include "analysis/maps/layout_progress.h"
#include "analysis/maps/neighbour_graph.h"
#include "common/cancel.h"

#include <cstdint>
#include <utility>

namespace bertlens {

// UMAP (McInnes, Healy & Melville 2018), as umap-learn computes it: each point's neighbour
// distances become fuzzy memberships (ρ: the nearest distance, σ: so that they sum to log2(k + 1)),
// the directed graph is made symmetric by the fuzzy union (a + b − ab), and a 2-D layout is
// optimised by stochastic gradient descent on the cross-entropy, each edge sampled in proportion
// to its weight with `negativeRate` random points pushed away per sample. Parallel over disjoint
// sets of points, so that a seed gives one map with any number of threads (see umapLayout).

// The a, b of the low-dimensional similarity 1 / (1 + a d^2b) that best fits (least squares) the
// curve that is 1 up to minDist and decays as exp(−(d − minDist) / spread) after it.
std::pair<double, double> umapCurve(double minDist, double spread);

struct WeightedEdge {
    int32_t from, to;
    float weight;
};
// The fuzzy simplicial set of the graph: every edge in both directions, ordered by `from`.
std::vector<WeightedEdge> fuzzyGraph(const NeighbourGraph &graph);

// `start`: [points, 2], the initial layout (already scaled).
Matrix umapLayout(const NeighbourGraph &graph, Matrix start, const UmapOptions &options, const LayoutProgress &progress = {});

} // namespace bertlens
