#pragma once

#include "analysis/maps/layout_progress.h"
#include "analysis/maps/map_options.h"

#include <ATen/core/Tensor.h>

namespace bertlens {

// A 2-D map of the rows of `vectors` ([n, d]). PCA maps the vectors as they are (centred); UMAP
// and t-SNE their directions (cosine neighbourhoods, as the similarity views), started from the
// PCA of the unit rows. Quality is measured against cosine neighbourhoods for every method.
// `progress` is called with the layout while an iterative method runs; cancel throws.
MapResult computeMap(const at::Tensor &vectors, const MapOptions &options, const LayoutProgress &progress = {});
MapResult computeMap(const Matrix &vectors, const MapOptions &options, const LayoutProgress &progress = {});

} // namespace bertlens
