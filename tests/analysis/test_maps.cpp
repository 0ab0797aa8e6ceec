// The maps' parts against computations written here from their definitions: neighbour graphs
// against brute force, trustworthiness and k-NN preservation by their formulas over every pair,
// the silhouette by its definition, UMAP's curve against umap-learn's published a, b; and the
// maps themselves on clusters whose answer is known: separated on the map, the same map for the
// same seed (and for any number of threads), cancellable, drawn while computed.
#include "analysis/maps/embedding_map.h"
#include "analysis/maps/kmeans.h"
#include "analysis/maps/map_quality.h"
#include "analysis/maps/neighbour_graph.h"
#include "analysis/maps/umap_layout.h"
#include "analysis/tensor_matrix.h"

#include <QtTest>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace bertlens;

namespace {

// `clusters` Gaussian clusters of `each` points in `dims` dimensions around random unit centres.
at::Tensor clusteredRows(int clusters, int each, int dims, double spread, uint64_t seed, std::vector<int> *labels = nullptr)
{
    at::manual_seed(seed);
    const at::Tensor centres = at::randn({clusters, dims}, at::kDouble);
    std::vector<at::Tensor> parts;
    for (int c = 0; c < clusters; ++c) {
        parts.push_back(centres[c] / centres[c].norm() + spread / std::sqrt(double(dims)) * at::randn({each, dims}, at::kDouble));
        if (labels)
            labels->insert(labels->end(), size_t(each), c);
    }
    return at::cat(parts).to(at::kFloat);
}

double cosine(const at::Tensor &rows, int i, int j)
{
    const at::Tensor a = rows[i].to(at::kDouble), b = rows[j].to(at::kDouble);
    return (a.dot(b) / (a.norm() * b.norm())).item<double>();
}

// Indices of the k nearest (by `closer`), self left out, ties by index.
std::vector<int> nearestBy(int n, int i, int k, const std::function<double(int)> &distance)
{
    std::vector<int> order;
    for (int j = 0; j < n; ++j)
        if (j != i)
            order.push_back(j);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return distance(a) < distance(b); });
    order.resize(size_t(k));
    return order;
}

} // namespace

class TestMaps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactNeighboursAreTheBruteForceOnes()
    {
        const at::Tensor rows = unitRowsOf(clusteredRows(3, 20, 16, 0.8, 1));
        const NeighbourGraph graph = nearestNeighbours(rows, 5);
        QVERIFY(graph.exact);
        for (int i = 0; i < 60; ++i) {
            const auto expected = nearestBy(60, i, 5, [&](int j) { return -cosine(rows, i, j); });
            for (int j = 0; j < 5; ++j) {
                QCOMPARE(graph.neighbours(i)[j], expected[size_t(j)]);
                QVERIFY(std::abs(graph.distances(i)[j] - std::sqrt(2 - 2 * cosine(rows, i, expected[size_t(j)]))) < 1e-3);
            }
        }
    }

    void approximateNeighboursSayTheirRecall()
    {
        const at::Tensor rows = unitRowsOf(clusteredRows(20, 150, 32, 1.0, 2));
        NeighbourOptions options;
        options.exactUpTo = 100;
        options.recallSample = 3000; // every point: the measured recall is then the true one
        const NeighbourGraph graph = nearestNeighbours(rows, 10, options);
        QVERIFY(!graph.exact);
        QCOMPARE(graph.recallSample, 3000);
        const NeighbourGraph exact = nearestNeighbours(rows, 10);
        long long found = 0;
        for (int i = 0; i < 3000; ++i) {
            const std::set<int> truth(exact.neighbours(i), exact.neighbours(i) + 10);
            for (int j = 0; j < 10; ++j) {
                QVERIFY(graph.neighbours(i)[j] >= 0 && graph.neighbours(i)[j] != i);
                found += truth.count(graph.neighbours(i)[j]);
            }
        }
        QCOMPARE(graph.recall, double(found) / 30000);
        QVERIFY2(graph.recall > 0.9, qPrintable(QString::number(graph.recall)));
    }

    void qualityFollowsItsDefinition()
    {
        // 40 points in 6-D and a map that keeps only two of their directions, noisily.
        at::manual_seed(3);
        const at::Tensor rows = at::randn({40, 6}, at::kFloat);
        const at::Tensor unit = unitRowsOf(rows);
        Matrix layout(40, 2);
        for (int i = 0; i < 40; ++i)
            for (int c = 0; c < 2; ++c)
                layout.at(i, c) = unit[i][c].item<float>() + 0.3f * at::randn({1}).item<float>();
        const int k = 5, n = 40;
        double penalty = 0, kept = 0;
        for (int i = 0; i < n; ++i) {
            auto mapDistance = [&](int j) { return std::hypot(layout.at(i, 0) - layout.at(j, 0), layout.at(i, 1) - layout.at(j, 1)); };
            const auto nearVectors = nearestBy(n, i, k, [&](int j) { return -cosine(rows, i, j); });
            const auto ranking = nearestBy(n, i, n - 1, [&](int j) { return -cosine(rows, i, j); });
            for (int j : nearestBy(n, i, k, mapDistance)) {
                if (std::count(nearVectors.begin(), nearVectors.end(), j)) {
                    ++kept;
                    continue;
                }
                const int rank = int(std::find(ranking.begin(), ranking.end(), j) - ranking.begin()) + 1;
                penalty += rank - k;
            }
        }
        const double trustworthiness = 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * penalty;
        const MapQuality quality = measureMap(unit, layout, k);
        QCOMPARE(quality.sampled, 40);
        QVERIFY2(std::abs(quality.trustworthiness - trustworthiness) < 1e-9,
                 qPrintable(QString("%1 vs %2").arg(quality.trustworthiness).arg(trustworthiness)));
        QVERIFY(std::abs(quality.neighbourPreservation - kept / (n * k)) < 1e-9);
        QVERIFY(quality.trustworthiness < 0.99);
        // A map that is the vectors themselves (2-D unit rows) keeps every neighbour.
        const at::Tensor flat = unitRowsOf(at::randn({30, 2}));
        const MapQuality perfect = measureMap(flat, toMatrix(flat), 5);
        QCOMPARE(perfect.trustworthiness, 1.0);
        QCOMPARE(perfect.neighbourPreservation, 1.0);
    }

    void kMeansFindsSeparatedClustersAndTheSilhouetteIsItsDefinition()
    {
        std::vector<int> truth;
        const at::Tensor rows = clusteredRows(4, 25, 10, 0.2, 4, &truth);
        const KMeansResult result = kMeans(rows, 4, 7);
        std::map<int, std::set<int>> found; // true cluster → clusters found for it
        for (size_t i = 0; i < truth.size(); ++i)
            found[truth[i]].insert(result.cluster[i]);
        QCOMPARE(int(found.size()), 4);
        std::set<int> used;
        for (const auto &[cluster, labels] : found) {
            QCOMPARE(int(labels.size()), 1);
            used.insert(*labels.begin());
        }
        QCOMPARE(int(used.size()), 4);
        QCOMPARE(kMeans(rows, 4, 7).cluster, result.cluster); // seeded
        // Silhouette of a deliberately imperfect labelling, by its definition.
        std::vector<int32_t> labels(100);
        for (int i = 0; i < 100; ++i)
            labels[size_t(i)] = (truth[size_t(i)] + (i % 7 == 0)) % 3;
        const int n = 100;
        double total = 0;
        for (int i = 0; i < n; ++i) {
            std::map<int, std::pair<double, int>> sums;
            for (int j = 0; j < n; ++j)
                if (j != i)
                    sums[labels[size_t(j)]].first += (rows[i] - rows[j]).to(at::kDouble).norm().item<double>(), ++sums[labels[size_t(j)]].second;
            const auto &own = sums[labels[size_t(i)]];
            const double a = own.second ? own.first / own.second : 0;
            double b = INFINITY;
            for (const auto &[label, sum] : sums)
                if (label != labels[size_t(i)])
                    b = std::min(b, sum.first / sum.second);
            total += own.second ? (b - a) / std::max(a, b) : 0;
        }
        const Silhouette s = silhouette(rows, labels);
        QCOMPARE(s.sampled, 100);
        QVERIFY2(std::abs(s.value - total / n) < 1e-4, qPrintable(QString("%1 vs %2").arg(s.value).arg(total / n)));
    }

    void umapCurveIsUmapLearns()
    {
        // umap-learn's find_ab_params(spread=1, min_dist=0.1) (scipy's curve_fit): a = 1.5769, b = 0.8951.
        const auto [a, b] = umapCurve(0.1, 1.0);
        QVERIFY2(std::abs(a - 1.5769) < 2e-3 && std::abs(b - 0.8951) < 2e-3, qPrintable(QString("%1 %2").arg(a).arg(b)));
    }

    void fuzzyMembershipsSumToTheirTarget()
    {
        const at::Tensor rows = unitRowsOf(clusteredRows(3, 20, 8, 0.5, 5));
        const NeighbourGraph graph = nearestNeighbours(rows, 6);
        const auto edges = fuzzyGraph(graph);
        std::map<std::pair<int, int>, float> weight;
        for (const auto &e : edges) {
            QVERIFY(e.weight > 0 && e.weight <= 1);
            weight[{e.from, e.to}] = e.weight;
        }
        for (const auto &[pair, w] : weight)
            QCOMPARE(weight.at({pair.second, pair.first}), w); // symmetric
        // Each point's own memberships (before the union) sum to log2(k + 1): recomputed here from
        // ρ and σ found again by bisection.
        for (int i = 0; i < 60; i += 7) {
            const float *d = graph.distances(i);
            const double rho = d[0];
            double low = 0, high = 100;
            for (int it = 0; it < 200; ++it) {
                const double mid = (low + high) / 2;
                double sum = 0;
                for (int j = 0; j < 6; ++j)
                    sum += std::exp(-std::max(0.0, d[j] - rho) / mid);
                (sum > std::log2(7.0) ? high : low) = mid;
            }
            for (int j = 0; j < 6; ++j) {
                const int other = graph.neighbours(i)[j];
                const double own = std::exp(-std::max(0.0, d[j] - rho) / low);
                double back = 0;
                for (int m = 0; m < 6; ++m)
                    if (graph.neighbours(other)[m] == i) {
                        const double rhoOther = graph.distances(other)[0];
                        double lo = 0, hi = 100;
                        for (int it = 0; it < 200; ++it) {
                            const double mid = (lo + hi) / 2;
                            double sum = 0;
                            for (int q = 0; q < 6; ++q)
                                sum += std::exp(-std::max(0.0, graph.distances(other)[q] - rhoOther) / mid);
                            (sum > std::log2(7.0) ? hi : lo) = mid;
                        }
                        back = std::exp(-std::max(0.0, graph.distances(other)[m] - rhoOther) / lo);
                    }
                QVERIFY(std::abs(weight.at({i, other}) - (own + back - own * back)) < 1e-3);
            }
        }
    }

    void umapAndTsneSeparateClustersTheSameWayEveryTime()
    {
        std::vector<int> truth;
        const at::Tensor rows = clusteredRows(5, 60, 24, 0.6, 6, &truth);
        for (MapMethod method : {MapMethod::Umap, MapMethod::Tsne}) {
            MapOptions options;
            options.method = method;
            options.seed = 11;
            int calls = 0, lastStep = 0, steps = 0;
            const MapResult map = computeMap(rows, options, [&](const Matrix &layout, int step, int of) {
                QCOMPARE(layout.rows, 300);
                QVERIFY(step > lastStep);
                lastStep = step, steps = of, ++calls;
            });
            QVERIFY(calls > 5);
            QCOMPARE(lastStep, steps);
            QVERIFY(map.quality.has_value());
            QVERIFY2(map.quality->trustworthiness > 0.9, qPrintable(QString::number(map.quality->trustworthiness)));
            // Every point's nearest point on the map is of its own cluster, nearly always.
            int same = 0;
            for (int i = 0; i < 300; ++i) {
                const auto nearest = nearestBy(300, i, 1, [&](int j) {
                    return std::hypot(map.layout.at(i, 0) - map.layout.at(j, 0), map.layout.at(i, 1) - map.layout.at(j, 1));
                });
                same += truth[size_t(nearest[0])] == truth[size_t(i)];
            }
            QVERIFY2(same >= 290, qPrintable(QString("%1: %2 of 300").arg(mapMethodName(method).label).arg(same)));
            const MapResult again = computeMap(rows, options);
            QCOMPARE(again.layout.values, map.layout.values);
        }
        MapOptions other;
        other.method = MapMethod::Umap;
        other.seed = 12;
        MapOptions first = other;
        first.seed = 11;
        QVERIFY(computeMap(rows, other).layout.values != computeMap(rows, first).layout.values);
    }

    void barnesHutTsneIsTheSameWithAnyThreadCount()
    {
        const at::Tensor rows = clusteredRows(4, 300, 16, 0.7, 8);
        MapOptions options;
        options.method = MapMethod::Tsne;
        options.tsne.exactUpTo = 100; // Barnes–Hut
        options.tsne.iterations = 300;
        options.measureQuality = false;
        at::set_num_threads(1);
        const MapResult one = computeMap(rows, options);
        at::set_num_threads(2);
        const MapResult two = computeMap(rows, options);
        QCOMPARE(two.layout.values, one.layout.values);
        QCOMPARE(one.neighbours, 90);
    }

    void pcaIsTheVectorsPlaneAndTinySetsStillMap()
    {
        const at::Tensor rows = clusteredRows(2, 10, 5, 0.3, 9);
        MapOptions options;
        const MapResult map = computeMap(rows, options);
        QCOMPARE(map.explainedRatio.size(), size_t(2));
        QVERIFY(map.explainedRatio[0] >= map.explainedRatio[1]);
        for (MapMethod method : {MapMethod::Umap, MapMethod::Tsne}) {
            options.method = method;
            for (int n : {1, 2, 3, 5}) {
                const MapResult small = computeMap(rows.narrow(0, 0, n), options);
                QCOMPARE(small.layout.rows, n);
                for (float v : small.layout.values)
                    QVERIFY(std::isfinite(v));
            }
        }
        QCOMPARE(int(mapMethodFromId("tsne").value()), int(MapMethod::Tsne));
        QVERIFY(!mapMethodFromId("mds"));
    }

    void cancelStopsAMap()
    {
        const at::Tensor rows = clusteredRows(3, 100, 8, 0.5, 10);
        CancelToken cancel;
        MapOptions options;
        options.method = MapMethod::Umap;
        options.cancel = &cancel;
        int calls = 0;
        try {
            computeMap(rows, options, [&](const Matrix &, int, int) {
                if (++calls == 2)
                    cancel.cancel();
            });
            QFAIL("not cancelled");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Cancelled);
        }
        QCOMPARE(calls, 2);
    }
};

QTEST_GUILESS_MAIN(TestMaps)
#include "test_maps.moc"
