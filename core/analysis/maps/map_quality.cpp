#include "analysis/maps/map_quality.h"

#include "analysis/maps/seeded_random.h"
#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <limits>
#include <numeric>

namespace bertlens {

MapQuality measureMap(const at::Tensor &unitRows, const Matrix &layout, int k, int sampleLimit, uint64_t seed)
{
    c10::InferenceMode inference;
    const int64_t n = unitRows.size(0);
    MapQuality quality;
    quality.points = int(n);
    quality.k = k = int(std::min<int64_t>(k, (n - 1) / 2)); // the formula's normaliser needs 2n − 3k − 1 > 0
    if (k < 1)
        return quality;
    std::vector<int64_t> sample(static_cast<size_t>(n));
    std::iota(sample.begin(), sample.end(), 0);
    if (n > sampleLimit) {
        SeededRandom random(seed);
        for (int i = 0; i < sampleLimit; ++i)
            std::swap(sample[size_t(i)], sample[size_t(i) + random.below(uint32_t(n - i))]);
        sample.resize(size_t(sampleLimit));
    }
    const at::Tensor rows = unitRows.to(at::kFloat).contiguous();
    const at::Tensor map = tensorView(layout).to(at::kDouble);
    const at::Tensor mapNorms = map.pow(2).sum(1);
    const float minusInfinity = -std::numeric_limits<float>::infinity();
    // Blocks of points in parallel (the BLAS itself is kept to one thread), summed in block order.
    constexpr int64_t kBlock = 256;
    const int64_t blocks = int64_t((sample.size() + kBlock - 1) / kBlock);
    std::vector<double> penalties(static_cast<size_t>(blocks)), kepts(static_cast<size_t>(blocks));
    at::parallel_for(0, blocks, 1, [&](int64_t firstBlock, int64_t lastBlock) {
        for (int64_t block = firstBlock; block < lastBlock; ++block) {
            const size_t first = size_t(block * kBlock);
            const at::Tensor ids = at::tensor(std::vector<int64_t>(sample.begin() + long(first),
                                                                   sample.begin() + long(std::min(sample.size(), first + kBlock))),
                                              at::kLong);
            const int64_t b = ids.size(0);
            const at::Tensor self = at::arange(b, at::kLong);
            at::Tensor similarity = at::mm(rows.index_select(0, ids), rows.t());
            similarity.index_put_({self, ids}, minusInfinity);
            at::Tensor mapDistance = mapNorms.index_select(0, ids).unsqueeze(1) - 2 * at::mm(map.index_select(0, ids), map.t()) + mapNorms.unsqueeze(0);
            mapDistance.index_put_({self, ids}, std::numeric_limits<double>::infinity());
            const at::Tensor near = std::get<1>(similarity.topk(k, 1));               // [b, k]
            const at::Tensor nearOnMap = std::get<1>(mapDistance.topk(k, 1, false)); // [b, k]
            // Rank (1 = nearest) in the vectors of each map neighbour: 1 + how many are more
            // similar (counted, not sorted: k passes over a row are cheaper than its sort).
            const at::Tensor scores = similarity.gather(1, nearOnMap);
            at::Tensor rank = at::ones({b, k}, at::kLong);
            for (int j = 0; j < k; ++j)
                rank.select(1, j).add_((similarity > scores.narrow(1, j, 1)).sum(1));
            const at::Tensor isNear = (nearOnMap.unsqueeze(2) == near.unsqueeze(1)).any(2); // [b, k]
            penalties[size_t(block)] = at::where(isNear, at::zeros_like(rank), rank - k).clamp_min(0).sum().item<double>();
            kepts[size_t(block)] = isNear.sum().item<double>();
        }
    });
    const double penalty = std::accumulate(penalties.begin(), penalties.end(), 0.0);
    const double kept = std::accumulate(kepts.begin(), kepts.end(), 0.0);
    const double s = double(sample.size());
    quality.sampled = int(sample.size());
    quality.trustworthiness = 1.0 - 2.0 / (s * k * (2.0 * double(n) - 3.0 * k - 1.0)) * penalty;
    quality.neighbourPreservation = kept / (s * k);
    return quality;
}

} // namespace bertlens
