#include "analysis/randomised_pca.h"

#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

namespace bertlens {

PcaResult randomisedPca(const at::Tensor &rows, int k, int iterations, uint64_t seed)
{
    c10::InferenceMode inference;
    PcaResult r;
    const int64_t n = rows.size(0), d = rows.size(1);
    k = int(std::max<int64_t>(0, std::min<int64_t>({k, n, d})));
    // Centring stays implicit (X − 1μᵀ times a thin matrix is X times it less a rank-one term), so
    // a 300 MB centred copy of a 100k × 768 corpus is never made.
    const at::Tensor x = rows.contiguous();
    const at::Tensor mean = x.mean(0);                                           // [d]
    r.mean.assign(mean.data_ptr<float>(), mean.data_ptr<float>() + d);
    if (k == 0) {
        r.projected = Matrix(int(n), 0);
        return r;
    }
    auto times = [&](const at::Tensor &z) { return at::matmul(x, z) - at::matmul(mean, z).unsqueeze(0); };             // Xc·z
    auto transposedTimes = [&](const at::Tensor &y) { return at::matmul(x.t(), y) - at::outer(mean, y.sum(0)); };    // Xcᵀ·y
    const int64_t width = std::min<int64_t>(k + 30, std::min(n, d));
    // Subspace iteration, re-orthonormalised on the small side only ([d, width]): one QR of the tall
    // [n, width] matrix at the end is enough.
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    at::Tensor y = times(at::randn({d, width}, generator, at::kFloat));          // [n, width]
    for (int i = 0; i < iterations; ++i)
        y = times(std::get<0>(at::linalg_qr(transposedTimes(y))));
    const at::Tensor q = std::get<0>(at::linalg_qr(y));                          // [n, width]
    const at::Tensor b = transposedTimes(q).t();                                 // Qᵀ·Xc: [width, d]
    const auto [u, singular, vh] = at::linalg_svd(b.to(at::kDouble), false);
    at::Tensor components = vh.slice(0, 0, k).contiguous();                      // [k, d]
    const at::Tensor maxIndex = components.abs().argmax(1);
    const at::Tensor signs = components.gather(1, maxIndex.unsqueeze(1)).sign().squeeze(1);
    components = components * signs.where(signs != 0, at::ones_like(signs)).unsqueeze(1);
    r.components = toMatrix(components);
    r.projected = toMatrix(times(components.to(at::kFloat).t()));
    // The total variance Σ‖x_i − μ‖² = Σ‖x_i‖² − n‖μ‖², summed in float64 from the rows' norms (a
    // float32 sum of 77M squares drifts by percents).
    const double total = x.norm(2, 1).to(at::kDouble).pow(2).sum().item<double>() - double(n) * std::pow(mean.norm().item<double>(), 2);
    for (int i = 0; i < k; ++i)
        r.explainedRatio.push_back(total > 0 ? std::pow(singular[i].item<double>(), 2) / total : 0.0);
    return r;
}

} // namespace bertlens
