#include "analysis/probe/logistic_regression.h"

#include <ATen/ATen.h>

#include <cmath>
#include <deque>

namespace bertlens {

namespace {

constexpr int kMaxIterations = 2000;
constexpr double kGradientTolerance = 1e-7; // on the largest gradient entry, per example
constexpr int kMemory = 10;

// [x, 1] standardised.
at::Tensor design(const at::Tensor &x, const at::Tensor &mean, const at::Tensor &scale)
{
    const at::Tensor z = (x.to(at::kDouble) - mean) / scale;
    return at::cat({z, at::ones({z.size(0), 1}, at::kDouble)}, 1);
}

} // namespace

void LogisticRegression::fit(const at::Tensor &features, const std::vector<int> &labels, int classes, double c)
{
    c10::InferenceMode inference;
    const at::Tensor x = features.to(at::kDouble);
    const int64_t n = x.size(0), d = x.size(1);
    m_mean = x.mean(0);
    m_scale = x.std(0, false);
    m_scale = at::where(m_scale > 0, m_scale, at::ones_like(m_scale)); // a constant feature stays as it is
    const at::Tensor a = design(x, m_mean, m_scale);
    const at::Tensor target = at::zeros({n, classes}, at::kDouble)
                                  .scatter_(1, at::tensor(std::vector<int64_t>(labels.begin(), labels.end()), at::kLong).unsqueeze(1), 1.0);
    at::Tensor penalised = at::ones({d + 1, 1}, at::kDouble);
    penalised[d] = 0; // intercepts are not penalised
    auto lossAndGradient = [&](const at::Tensor &w, at::Tensor &gradient) {
        const at::Tensor logits = at::mm(a, w);
        const at::Tensor logNormaliser = logits.logsumexp(1, true);
        const at::Tensor probabilities = (logits - logNormaliser).exp();
        gradient = at::mm(a.t(), probabilities - target) + penalised * w / c;
        return (logNormaliser.sum() - (logits * target).sum()).item<double>() + (penalised * w * w).sum().item<double>() / (2 * c);
    };
    // L-BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line search: the
    // objective is smooth and strictly convex.
    at::Tensor w = at::zeros({d + 1, classes}, at::kDouble), gradient;
    double loss = lossAndGradient(w, gradient);
    std::deque<std::pair<at::Tensor, at::Tensor>> history; // (step, gradient change)
    m_converged = false;
    for (m_iterations = 0; m_iterations < kMaxIterations; ++m_iterations) {
        if (gradient.abs().max().item<double>() < kGradientTolerance * double(n)) {
            m_converged = true;
            break;
        }
        at::Tensor q = gradient.clone();
        std::vector<double> alphas;
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
            const double rho = 1.0 / (it->second * it->first).sum().item<double>();
            const double alpha = rho * (it->first * q).sum().item<double>();
            q -= alpha * it->second;
            alphas.push_back(alpha);
        }
        if (!history.empty()) {
            const auto &[s, y] = history.back();
            q *= (s * y).sum().item<double>() / (y * y).sum().item<double>();
        }
        size_t at = alphas.size();
        for (const auto &[s, y] : history) {
            const double rho = 1.0 / (y * s).sum().item<double>();
            const double beta = rho * (y * q).sum().item<double>();
            q += (alphas[--at] - beta) * s;
        }
        at::Tensor direction = -q;
        double slope = (gradient * direction).sum().item<double>();
        if (!(slope < 0)) { // not a descent direction: start again from the gradient
            history.clear();
            direction = -gradient;
            slope = -(gradient * gradient).sum().item<double>();
        }
        double step = 1.0;
        at::Tensor next, nextGradient;
        double nextLoss = 0;
        for (int tries = 0; tries < 60; ++tries, step /= 2) {
            next = w + step * direction;
            nextLoss = lossAndGradient(next, nextGradient);
            if (nextLoss <= loss + 1e-4 * step * slope)
                break;
        }
        if (!(nextLoss < loss)) { // no decrease left: as close as float64 gets
            m_converged = true;
            break;
        }
        const at::Tensor s = next - w, y = nextGradient - gradient;
        if ((s * y).sum().item<double>() > 1e-12) {
            history.emplace_back(s, y);
            if (int(history.size()) > kMemory)
                history.pop_front();
        }
        w = next, gradient = nextGradient, loss = nextLoss;
    }
    m_weights = w;
}

std::vector<int> LogisticRegression::predict(const at::Tensor &x) const
{
    c10::InferenceMode inference;
    const at::Tensor best = at::mm(design(x, m_mean, m_scale), m_weights).argmax(1).to(at::kInt).contiguous();
    return std::vector<int>(best.data_ptr<int32_t>(), best.data_ptr<int32_t>() + best.numel());
}

} // namespace bertlens
