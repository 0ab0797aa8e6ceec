#include "analysis/maps/kmeans.h"

#include "analysis/maps/seeded_random.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <limits>
#include <numeric>

namespace bertlens {

namespace {

// Squared Euclidean distances of every row to every centre: [n, k].
at::Tensor squaredDistances(const at::Tensor &rows, const at::Tensor &rowNorms, const at::Tensor &centres)
{
    const at::Tensor centreNorms = centres.pow(2).sum(1);
    return (rowNorms.unsqueeze(1) - 2 * at::mm(rows, centres.t()) + centreNorms.unsqueeze(0)).clamp_min(0);
}

// Index i with probability weights[i] / Σ weights (the last positive one when rounding leaves none).
int64_t drawWeighted(const std::vector<double> &weights, SeededRandom &random)
{
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (!(total > 0))
        return int64_t(random.below(uint32_t(weights.size())));
    double target = random.uniform() * total;
    int64_t lastPositive = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0)
            continue;
        lastPositive = int64_t(i);
        if ((target -= weights[i]) < 0)
            return int64_t(i);
    }
    return lastPositive;
}

} // namespace

KMeansResult kMeans(const at::Tensor &input, int k, uint64_t seed, int maxIterations, const CancelToken *cancel)
{
    c10::InferenceMode inference;
    const at::Tensor rows = input.to(at::kFloat).contiguous();
    const int64_t n = rows.size(0);
    KMeansResult result;
    k = int(std::min<int64_t>(k, n));
    if (k <= 0)
        return result;
    SeededRandom random(seed);
    const at::Tensor rowNorms = rows.pow(2).sum(1);
    std::vector<int64_t> chosen{int64_t(random.below(uint32_t(n)))};
    at::Tensor nearest = (rows - rows[chosen[0]]).pow(2).sum(1).to(at::kDouble).contiguous();
    while (int(chosen.size()) < k) {
        if (cancel)
            cancel->throwIfCancelled();
        const double *d = nearest.data_ptr<double>();
        const int64_t next = drawWeighted(std::vector<double>(d, d + n), random);
        chosen.push_back(next);
        nearest = at::minimum(nearest, (rows - rows[next]).pow(2).sum(1).to(at::kDouble));
    }
    at::Tensor centres = rows.index_select(0, at::tensor(chosen, at::kLong)).clone();
    at::Tensor assigned = at::full({n}, -1, at::kLong);
    for (result.iterations = 1; result.iterations <= maxIterations; ++result.iterations) {
        if (cancel)
            cancel->throwIfCancelled();
        const at::Tensor next = squaredDistances(rows, rowNorms, centres).argmin(1);
        const bool settled = next.equal(assigned);
        assigned = next;
        if (settled)
            break;
        const at::Tensor sums = at::zeros({k, rows.size(1)}, at::kFloat).index_add_(0, assigned, rows);
        const at::Tensor counts = at::zeros({k}, at::kFloat).index_add_(0, assigned, at::ones({n}, at::kFloat));
        const at::Tensor filled = counts > 0; // an emptied cluster keeps its centre
        centres = at::where(filled.unsqueeze(1), sums / counts.clamp_min(1).unsqueeze(1), centres);
    }
    result.iterations = std::min(result.iterations, maxIterations);
    const at::Tensor distances = squaredDistances(rows, rowNorms, centres);
    result.inertia = distances.gather(1, assigned.unsqueeze(1)).sum().item<double>();
    const at::Tensor clusters = assigned.to(at::kInt).contiguous();
    result.cluster.assign(clusters.data_ptr<int32_t>(), clusters.data_ptr<int32_t>() + n);
    result.centres = centres;
    return result;
}

Silhouette silhouette(const at::Tensor &input, const std::vector<int32_t> &cluster, int sampleLimit, uint64_t seed)
{
    c10::InferenceMode inference;
    const at::Tensor rows = input.to(at::kFloat).contiguous();
    const int64_t n = rows.size(0);
    const int k = cluster.empty() ? 0 : *std::max_element(cluster.begin(), cluster.end()) + 1;
    Silhouette result;
    if (k < 2 || n < 2)
        return result;
    std::vector<int64_t> sample(static_cast<size_t>(n));
    std::iota(sample.begin(), sample.end(), 0);
    if (n > sampleLimit) { // a seeded partial Fisher–Yates shuffle
        SeededRandom random(seed);
        for (int i = 0; i < sampleLimit; ++i)
            std::swap(sample[size_t(i)], sample[size_t(i) + random.below(uint32_t(n - i))]);
        sample.resize(size_t(sampleLimit));
    }
    const at::Tensor labels = at::tensor(std::vector<int64_t>(cluster.begin(), cluster.end()), at::kLong);
    const at::Tensor counts = at::zeros({k}, at::kDouble).index_add_(0, labels, at::ones({n}, at::kDouble));
    const at::Tensor rowNorms = rows.pow(2).sum(1);
    double total = 0;
    constexpr int64_t kBlock = 1024;
    for (size_t first = 0; first < sample.size(); first += kBlock) {
        const at::Tensor which = at::tensor(std::vector<int64_t>(sample.begin() + long(first),
                                                                 sample.begin() + long(std::min(sample.size(), first + kBlock))),
                                            at::kLong);
        const at::Tensor block = rows.index_select(0, which);
        const at::Tensor d = squaredDistances(rows, rowNorms, block).t().to(at::kDouble).sqrt(); // [b, n]
        const at::Tensor sums = at::zeros({d.size(0), k}, at::kDouble).index_add_(1, labels, d);
        const at::Tensor own = labels.index_select(0, which);
        const at::Tensor ownCount = counts.index_select(0, own);
        const at::Tensor a = sums.gather(1, own.unsqueeze(1)).squeeze(1) / (ownCount - 1).clamp_min(1);
        const double infinity = std::numeric_limits<double>::infinity();
        const at::Tensor means = at::where(counts.unsqueeze(0) > 0, sums / counts.clamp_min(1).unsqueeze(0), infinity);
        const at::Tensor b = means.scatter(1, own.unsqueeze(1), infinity).amin(1);
        const at::Tensor s = at::where(ownCount > 1, (b - a) / at::maximum(a, b).clamp_min(1e-300), at::zeros_like(a));
        total += s.sum().item<double>();
    }
    result.sampled = int(sample.size());
    result.value = total / double(sample.size());
    return result;
}

} // namespace bertlens
