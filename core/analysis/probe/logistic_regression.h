#pragma once

#include <ATen/core/Tensor.h>

#include <vector>

namespace bertlens {

// Multinomial logistic regression with an L2 penalty on the weights (not the intercepts), on
// standardised features (each feature less its training mean, over its training standard
// deviation): scikit-learn's StandardScaler + LogisticRegression(C, multi_class="multinomial"),
// fitted to convergence by L-BFGS in float64. Minimises
//   Σ_i −log softmax(x_i W + b)[y_i] + ‖W‖² / (2C).
class LogisticRegression {
public:
    // x: [n, d]; labels in 0..classes−1.
    void fit(const at::Tensor &x, const std::vector<int> &labels, int classes, double c = 1.0);
    std::vector<int> predict(const at::Tensor &x) const;
    int iterations() const { return m_iterations; }
    bool converged() const { return m_converged; }

private:
    at::Tensor m_mean, m_scale; // [d]
    at::Tensor m_weights;       // [d + 1, classes]: the last row is the intercepts
    int m_iterations = 0;
    bool m_converged = false;
};

} // namespace bertlens
