#pragma once

#include "analysis/maps/layout_progress.h"
#include "analysis/maps/neighbour_graph.h"
#include "common/cancel.h"

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace bertlens {

// t-SNE (van der Maaten & Hinton 2008) with scikit-learn's optimisation: Gaussian affinities at
// the chosen perplexity, early exaggeration, momentum with adaptive gains, the learning rate
// max(n / exaggeration / 4, 50). Up to `exactUpTo` points every pair is used; beyond, the
// affinities come from the 3·perplexity nearest neighbours and the repulsion from a Barnes–Hut
// quadtree (van der Maaten 2014) with opening angle `theta`. Each point's forces are computed on
// their own and summed in a fixed order, so the map is the same with any number of threads.

// The neighbours a Barnes–Hut t-SNE of n points needs.
int tsneNeighbours(int n, double perplexity);

// `unitRows`: [n, d] unit rows; `graph`: their nearest neighbours (at least tsneNeighbours of
// them; unused up to exactUpTo points); `start`: [n, 2].
Matrix tsneLayout(const at::Tensor &unitRows, const NeighbourGraph &graph, Matrix start, const TsneOptions &options,
                  const LayoutProgress &progress = {});

} // namespace bertlens
