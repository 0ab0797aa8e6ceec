#pragma once

#include "analysis/matrix.h"

#include <vector>

namespace bertlens {

struct PcaResult {
    Matrix projected;                    // [N, k]
    Matrix components;                   // [k, D], unit rows
    std::vector<float> mean;             // [D]
    std::vector<double> explainedRatio;  // [k], share of the total variance
};

// Principal components of the rows of `data` (centred; computed in float64 by SVD). Each
// component's sign is fixed so that its largest-magnitude loading is positive (as
// scikit-learn's svd_flip does on V), so results are reproducible. k is capped at min(N, D).
PcaResult pca(const Matrix &data, int k = 2);

// Cosine similarity of every pair of rows: [N, N] in [-1, 1]; a zero row has similarity 0.
Matrix cosineSimilarity(const Matrix &rows);

} // namespace bertlens
