#include "analysis/projection.h"

#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>

namespace bertlens {

PcaResult pca(const Matrix &data, int k)
{
    c10::InferenceMode guard;
    PcaResult r;
    k = std::max(0, std::min({k, data.rows, data.cols}));
    const at::Tensor x = tensorView(data).to(at::kDouble);
    const at::Tensor mean = x.mean(0);
    const at::Tensor centred = x - mean;
    r.mean.assign(size_t(data.cols), 0.f);
    if (data.rows > 0) {
        const at::Tensor meanF = mean.to(at::kFloat).contiguous();
        std::copy(meanF.data_ptr<float>(), meanF.data_ptr<float>() + data.cols, r.mean.begin());
    }
    if (k == 0) {
        r.projected = Matrix(data.rows, 0);
        return r;
    }
    const auto [u, s, vh] = at::linalg_svd(centred, false); // vh: [min(N,D), D]
    at::Tensor components = vh.slice(0, 0, k).clone();
    // Sign convention: the largest-magnitude loading of each component is positive.
    const at::Tensor maxIndex = components.abs().argmax(1);
    const at::Tensor signs = components.gather(1, maxIndex.unsqueeze(1)).sign().squeeze(1);
    components = components * signs.where(signs != 0, at::ones_like(signs)).unsqueeze(1);
    r.components = toMatrix(components);
    r.projected = toMatrix(at::matmul(centred, components.t()));
    const at::Tensor variance = s.pow(2);
    const double total = variance.sum().item<double>();
    for (int i = 0; i < k; ++i)
        r.explainedRatio.push_back(total > 0 ? variance[i].item<double>() / total : 0.0);
    return r;
}

Matrix cosineSimilarity(const Matrix &rows)
{
    c10::InferenceMode guard;
    const at::Tensor x = tensorView(rows).to(at::kDouble);
    const at::Tensor norms = x.norm(2, 1, true);
    const at::Tensor unit = x / norms.where(norms > 0, at::ones_like(norms));
    return toMatrix(at::matmul(unit, unit.t()).clamp(-1, 1));
}

} // namespace bertlens
