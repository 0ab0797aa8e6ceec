#include "analysis/randomised_pca.h"

#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

namespace bertlens {

PcaResult randomisedPca(const at::Tensor &rows, int k, int iterations)
{
    c10::InferenceMode inference;
    PcaResult r;
    const int64_t n = rows.size(0), d = rows.size(1);
    k = int(std::max<int64_t>(0, std::min<int64_t>({k, n, d})));
    const at::Tensor mean = rows.mean(0);
    const at::Tensor x = rows - mean;                                            // [n, d]
    r.mean.assign(mean.data_ptr<float>(), mean.data_ptr<float>() + d);
    if (k == 0) {
        r.projected = Matrix(int(n), 0);
        return r;
    }
    const int64_t width = std::min<int64_t>(k + 10, std::min(n, d));
    at::Tensor q = std::get<0>(at::linalg_qr(at::matmul(x, at::randn({d, width}, at::kFloat)))); // [n, width]
    for (int i = 0; i < iterations; ++i) {
        q = std::get<0>(at::linalg_qr(at::matmul(x.t(), q)));                    // [d, width]
        q = std::get<0>(at::linalg_qr(at::matmul(x, q)));                        // [n, width]
    }
    const auto [u, singular, vh] = at::linalg_svd(at::matmul(q.t(), x).to(at::kDouble), false);
    at::Tensor components = vh.slice(0, 0, k).contiguous();                      // [k, d]
    const at::Tensor maxIndex = components.abs().argmax(1);
    const at::Tensor signs = components.gather(1, maxIndex.unsqueeze(1)).sign().squeeze(1);
    components = components * signs.where(signs != 0, at::ones_like(signs)).unsqueeze(1);
    r.components = toMatrix(components);
    r.projected = toMatrix(at::matmul(x, components.to(at::kFloat).t()));
    const double total = std::pow(x.norm().item<double>(), 2);
    for (int i = 0; i < k; ++i)
        r.explainedRatio.push_back(total > 0 ? std::pow(singular[i].item<double>(), 2) / total : 0.0);
    return r;
}

} // namespace bertlens
