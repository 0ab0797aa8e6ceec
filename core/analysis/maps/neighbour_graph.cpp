#include "analysis/maps/neighbour_graph.h"

#include "analysis/maps/kmeans.h"
#include "analysis/maps/seeded_random.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bertlens {

namespace {

constexpr int64_t kBlockRows = 2048;
constexpr int64_t kExactBlockRows = 512;

// Each query row's k most similar candidates (the query itself left out), written into the
// graph's rows `queryIds`.
void keepNearest(const at::Tensor &queries, const at::Tensor &queryIds, const at::Tensor &candidates, const at::Tensor &candidateIds,
                 int k, NeighbourGraph &graph)
{
    at::Tensor similarity = at::mm(queries, candidates.t());
    similarity.masked_fill_(queryIds.unsqueeze(1) == candidateIds.unsqueeze(0), -std::numeric_limits<float>::infinity());
    const int take = int(std::min<int64_t>(k, candidates.size(0) - 1));
    const auto [best, where] = similarity.topk(take, 1, true, true);
    const at::Tensor ids = candidateIds.index_select(0, where.reshape(-1)).reshape(where.sizes()).to(at::kInt).contiguous();
    const at::Tensor distance = (2 - 2 * best).clamp_min(0).sqrt().contiguous();
    const at::Tensor rows = queryIds.to(at::kLong).contiguous();
    for (int64_t r = 0; r < rows.size(0); ++r) {
        const size_t at = size_t(rows.data_ptr<int64_t>()[r]) * size_t(k);
        std::fill(graph.index.begin() + long(at), graph.index.begin() + long(at) + k, -1);
        std::copy_n(ids.data_ptr<int32_t>() + r * take, take, graph.index.begin() + long(at));
        std::copy_n(distance.data_ptr<float>() + r * take, take, graph.distance.begin() + long(at));
    }
}

void exactGraph(const at::Tensor &rows, int k, const CancelToken *cancel, NeighbourGraph &graph)
{
    const int64_t n = rows.size(0);
    const at::Tensor all = at::arange(n, at::kLong);
    // Blocks of rows in parallel (the BLAS itself is kept to one thread): each writes its own rows.
    const int64_t blocks = (n + kExactBlockRows - 1) / kExactBlockRows;
    at::parallel_for(0, blocks, 1, [&](int64_t firstBlock, int64_t lastBlock) {
        for (int64_t block = firstBlock; block < lastBlock; ++block) {
            if (cancel && cancel->isCancelled())
                return;
            const int64_t first = block * kExactBlockRows, count = std::min(kExactBlockRows, n - first);
            keepNearest(rows.narrow(0, first, count), all.narrow(0, first, count), rows, all, k, graph);
        }
    });
    if (cancel)
        cancel->throwIfCancelled();
}

// Inverted file: √n lists by k-means (trained on a sample); every list's members are searched
// against the members of the lists whose centres are nearest its own.
void invertedFileGraph(const at::Tensor &rows, int k, const NeighbourOptions &options, NeighbourGraph &graph)
{
    const int64_t n = rows.size(0);
    const int lists = int(std::max<double>(1, std::round(std::sqrt(double(n)))));
    const int64_t trainingRows = std::min<int64_t>(n, int64_t(lists) * 64);
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    SeededRandom random(options.seed);
    for (int64_t i = 0; i < trainingRows; ++i)
        std::swap(order[size_t(i)], order[size_t(i) + random.below(uint32_t(n - i))]);
    const at::Tensor training = rows.index_select(0, at::tensor(std::vector<int64_t>(order.begin(), order.begin() + trainingRows), at::kLong));
    const at::Tensor centres = kMeans(training, lists, options.seed, 10, options.cancel).centres;
    // Each row in the list of its nearest centre, as k-means assigns it.
    at::Tensor list = at::empty({n}, at::kLong);
    const at::Tensor centreNorms = centres.pow(2).sum(1);
    for (int64_t first = 0; first < n; first += kBlockRows) {
        const int64_t count = std::min(kBlockRows, n - first);
        list.narrow(0, first, count).copy_((centreNorms.unsqueeze(0) - 2 * at::mm(rows.narrow(0, first, count), centres.t())).argmin(1));
    }
    const at::Tensor byList = list.argsort();
    const at::Tensor sizes = at::bincount(list, {}, lists).contiguous();
    std::vector<int64_t> start(size_t(lists) + 1, 0);
    for (int c = 0; c < lists; ++c)
        start[size_t(c) + 1] = start[size_t(c)] + sizes.data_ptr<int64_t>()[c];
    const int probes = std::min(options.probes, lists);
    const at::Tensor centreDistances = centreNorms.unsqueeze(1) - 2 * at::mm(centres, centres.t()) + centreNorms.unsqueeze(0);
    const at::Tensor nearestLists = std::get<1>(centreDistances.topk(probes, 1, false)).contiguous(); // its own list first
    // Lists in parallel: each writes its own members' rows.
    at::parallel_for(0, lists, 1, [&](int64_t firstList, int64_t lastList) {
        for (int64_t c = firstList; c < lastList; ++c) {
            if (options.cancel && options.cancel->isCancelled())
                return;
            if (start[size_t(c) + 1] == start[size_t(c)])
                continue;
            std::vector<at::Tensor> candidateIds;
            for (int p = 0; p < probes; ++p) {
                const int64_t other = nearestLists.data_ptr<int64_t>()[c * probes + p];
                candidateIds.push_back(byList.narrow(0, start[size_t(other)], start[size_t(other) + 1] - start[size_t(other)]));
            }
            const at::Tensor candidates = at::cat(candidateIds);
            const at::Tensor members = byList.narrow(0, start[size_t(c)], start[size_t(c) + 1] - start[size_t(c)]);
            const at::Tensor candidateRows = rows.index_select(0, candidates);
            for (int64_t first = 0; first < members.size(0); first += kBlockRows) {
                const at::Tensor ids = members.narrow(0, first, std::min(kBlockRows, members.size(0) - first));
                keepNearest(rows.index_select(0, ids), ids, candidateRows, candidates, k, graph);
            }
        }
    });
    if (options.cancel)
        options.cancel->throwIfCancelled();
}

} // namespace

at::Tensor unitRowsOf(const at::Tensor &rows)
{
    const at::Tensor r = rows.to(at::kFloat);
    return (r / r.norm(2, 1, true).clamp_min(1e-12)).contiguous();
}

std::vector<int32_t> exactNeighboursOf(const at::Tensor &unitRows, const std::vector<int32_t> &queries, int k)
{
    c10::InferenceMode inference;
    const int64_t n = unitRows.size(0);
    k = int(std::min<int64_t>(k, n - 1));
    std::vector<int32_t> out;
    if (k <= 0)
        return out;
    const at::Tensor all = at::arange(n, at::kLong);
    const at::Tensor ids = at::tensor(std::vector<int64_t>(queries.begin(), queries.end()), at::kLong);
    NeighbourGraph scratch;
    scratch.k = k;
    scratch.index.assign(size_t(n) * size_t(k), -1);
    scratch.distance.assign(size_t(n) * size_t(k), 0);
    for (int64_t first = 0; first < ids.size(0); first += kBlockRows) {
        const at::Tensor block = ids.narrow(0, first, std::min(kBlockRows, ids.size(0) - first));
        keepNearest(unitRows.index_select(0, block), block, unitRows, all, k, scratch);
    }
    for (int32_t q : queries)
        out.insert(out.end(), scratch.neighbours(q), scratch.neighbours(q) + k);
    return out;
}

NeighbourGraph nearestNeighbours(const at::Tensor &unitRows, int k, const NeighbourOptions &options)
{
    c10::InferenceMode inference;
    const at::Tensor rows = unitRows.to(at::kFloat).contiguous();
    NeighbourGraph graph;
    graph.points = int(rows.size(0));
    graph.k = std::max(0, std::min(k, graph.points - 1));
    graph.index.assign(size_t(graph.points) * size_t(graph.k), -1);
    graph.distance.assign(size_t(graph.points) * size_t(graph.k), 0.f);
    if (graph.k == 0)
        return graph;
    if (graph.points <= options.exactUpTo) {
        exactGraph(rows, graph.k, options.cancel, graph);
        return graph;
    }
    invertedFileGraph(rows, graph.k, options, graph);
    graph.exact = false;
    // A list and its probes can hold fewer than k + 1 points: what is missing is filled from
    // an exact search, so that every point has k neighbours.
    std::vector<int32_t> short_;
    for (int i = 0; i < graph.points; ++i)
        if (graph.neighbours(i)[graph.k - 1] < 0)
            short_.push_back(i);
    if (!short_.empty()) {
        const at::Tensor all = at::arange(graph.points, at::kLong);
        const at::Tensor ids = at::tensor(std::vector<int64_t>(short_.begin(), short_.end()), at::kLong);
        keepNearest(rows.index_select(0, ids), ids, rows, all, graph.k, graph);
    }
    // Recall against the exact neighbours of a seeded sample.
    const int sample = std::min(options.recallSample, graph.points);
    std::vector<int32_t> queries(static_cast<size_t>(graph.points));
    std::iota(queries.begin(), queries.end(), 0);
    SeededRandom random(options.seed ^ 0x5EEDull);
    for (int i = 0; i < sample; ++i)
        std::swap(queries[size_t(i)], queries[size_t(i) + random.below(uint32_t(graph.points - i))]);
    queries.resize(size_t(sample));
    const std::vector<int32_t> truth = exactNeighboursOf(rows, queries, graph.k);
    long long found = 0;
    for (int q = 0; q < sample; ++q) {
        const int32_t *approx = graph.neighbours(queries[size_t(q)]);
        for (int j = 0; j < graph.k; ++j)
            found += std::count(approx, approx + graph.k, truth[size_t(q) * size_t(graph.k) + size_t(j)]);
    }
    graph.recallSample = sample;
    graph.recall = sample > 0 ? double(found) / (double(sample) * graph.k) : std::nan("");
    return graph;
}

} // namespace bertlens
