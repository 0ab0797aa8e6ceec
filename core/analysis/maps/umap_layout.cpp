#include "analysis/maps/umap_layout.h"

#include "analysis/maps/seeded_random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bertlens {

namespace {

constexpr double kSigmaTolerance = 1e-5;
constexpr double kMinDistanceScale = 1e-3; // σ's floor, as a share of the mean neighbour distance

// σ for one point: Σ_j exp(−max(0, d_j − ρ) / σ) = target, by bisection (as umap-learn's smooth_knn_dist).
double sigmaFor(const float *d, int k, double rho, double target)
{
    double low = 0, high = INFINITY, mid = 1;
    for (int iteration = 0; iteration < 64; ++iteration) {
        double sum = 0;
        for (int j = 0; j < k; ++j) {
            const double gap = d[j] - rho;
            sum += gap > 0 ? std::exp(-gap / mid) : 1.0;
        }
        if (std::abs(sum - target) < kSigmaTolerance)
            break;
        if (sum > target)
            high = mid, mid = (low + high) / 2;
        else
            low = mid, mid = std::isinf(high) ? mid * 2 : (low + high) / 2;
    }
    return mid;
}

} // namespace

std::pair<double, double> umapCurve(double minDist, double spread)
{
    // Levenberg–Marquardt on 300 samples of [0, 3·spread], as umap-learn's find_ab_params (curve_fit).
    std::vector<double> x(300), y(300);
    for (size_t i = 0; i < x.size(); ++i) {
        x[i] = 3 * spread * double(i) / double(x.size() - 1);
        y[i] = x[i] < minDist ? 1.0 : std::exp(-(x[i] - minDist) / spread);
    }
    double a = 1, b = 1, lambda = 1e-3;
    auto residual = [&](double aa, double bb) {
        double r = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            const double e = 1 / (1 + aa * std::pow(x[i], 2 * bb)) - y[i];
            r += e * e;
        }
        return r;
    };
    double current = residual(a, b);
    for (int iteration = 0; iteration < 500; ++iteration) {
        double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            if (x[i] <= 0)
                continue;
            const double p = std::pow(x[i], 2 * b), f = 1 / (1 + a * p), e = f - y[i];
            const double da = -p * f * f, db = -a * p * 2 * std::log(x[i]) * f * f;
            jaa += da * da, jab += da * db, jbb += db * db, ga += da * e, gb += db * e;
        }
        const double maa = jaa * (1 + lambda), mbb = jbb * (1 + lambda), det = maa * mbb - jab * jab;
        if (!(std::abs(det) > 0))
            break;
        const double stepA = -(mbb * ga - jab * gb) / det, stepB = -(maa * gb - jab * ga) / det;
        const double next = residual(a + stepA, b + stepB);
        if (next < current) {
            a += stepA, b += stepB, lambda /= 10;
            const bool settled = current - next < 1e-15 * std::max(1.0, current);
            current = next;
            if (settled)
                break;
        } else {
            lambda *= 10;
            if (lambda > 1e12)
                break;
        }
    }
    return {a, b};
}

std::vector<WeightedEdge> fuzzyGraph(const NeighbourGraph &graph)
{
    const int n = graph.points, k = graph.k;
    const double target = std::log2(double(k) + 1); // umap-learn counts the point itself among its k
    struct Directed {
        int32_t low, high;
        float weight;
        bool forward; // low → high
    };
    std::vector<Directed> directed;
    directed.reserve(size_t(n) * size_t(k));
    double meanDistance = 0;
    for (float d : graph.distance)
        meanDistance += d;
    meanDistance /= std::max<size_t>(1, graph.distance.size());
    for (int i = 0; i < n; ++i) {
        const float *d = graph.distances(i);
        const int32_t *to = graph.neighbours(i);
        double rho = 0;
        for (int j = 0; j < k; ++j)
            if (to[j] >= 0 && d[j] > 0) {
                rho = d[j];
                break;
            }
        double sigma = sigmaFor(d, k, rho, target);
        double mean = 0;
        for (int j = 0; j < k; ++j)
            mean += d[j];
        mean /= std::max(1, k);
        sigma = std::max(sigma, kMinDistanceScale * (rho > 0 ? mean : meanDistance));
        for (int j = 0; j < k; ++j) {
            if (to[j] < 0 || to[j] == i)
                continue;
            const double gap = d[j] - rho;
            const float w = float(gap > 0 ? std::exp(-gap / sigma) : 1.0);
            directed.push_back({std::min(i, to[j]), std::max(i, to[j]), w, i < to[j]});
        }
    }
    std::sort(directed.begin(), directed.end(),
              [](const Directed &l, const Directed &r) { return l.low != r.low ? l.low < r.low : l.high != r.high ? l.high < r.high : l.forward < r.forward; });
    std::vector<WeightedEdge> edges;
    for (size_t at = 0; at < directed.size();) {
        double forward = 0, backward = 0;
        size_t end = at;
        for (; end < directed.size() && directed[end].low == directed[at].low && directed[end].high == directed[at].high; ++end)
            (directed[end].forward ? forward : backward) = directed[end].weight;
        const float w = float(forward + backward - forward * backward);
        edges.push_back({directed[at].low, directed[at].high, w});
        edges.push_back({directed[at].high, directed[at].low, w});
        at = end;
    }
    std::stable_sort(edges.begin(), edges.end(), [](const WeightedEdge &l, const WeightedEdge &r) { return l.from < r.from; });
    return edges;
}

Matrix umapLayout(const NeighbourGraph &graph, Matrix layout, const UmapOptions &options, const LayoutProgress &progress)
{
    const int n = graph.points;
    const int epochs = options.epochs > 0 ? options.epochs : n <= 10000 ? 500 : 200;
    std::vector<WeightedEdge> edges = fuzzyGraph(graph);
    float maxWeight = 0;
    for (const WeightedEdge &e : edges)
        maxWeight = std::max(maxWeight, e.weight);
    // Edges too weak to be sampled once in all the epochs are dropped (umap-learn does the same).
    edges.erase(std::remove_if(edges.begin(), edges.end(), [&](const WeightedEdge &e) { return e.weight < maxWeight / float(epochs); }),
                edges.end());
    const auto [a, b] = umapCurve(options.minDist, options.spread);
    std::vector<double> perSample(edges.size()), nextSample(edges.size()), perNegative(edges.size()), nextNegative(edges.size());
    for (size_t e = 0; e < edges.size(); ++e) {
        perSample[e] = nextSample[e] = maxWeight / edges[e].weight;
        perNegative[e] = nextNegative[e] = perSample[e] / options.negativeRate;
    }
    auto clip = [](double g) { return std::clamp(g, -4.0, 4.0); };
    SeededRandom random(options.seed);
    float *y = layout.values.data();
    for (int epoch = 0; epoch < epochs; ++epoch) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const double alpha = options.learningRate * (1.0 - double(epoch) / epochs);
        for (size_t e = 0; e < edges.size(); ++e) {
            if (nextSample[e] > epoch)
                continue;
            float *head = y + 2 * size_t(edges[e].from), *tail = y + 2 * size_t(edges[e].to);
            double dx = head[0] - tail[0], dy = head[1] - tail[1], d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                const double coefficient = -2 * a * b * std::pow(d2, b - 1) / (a * std::pow(d2, b) + 1);
                const double gx = clip(coefficient * dx) * alpha, gy = clip(coefficient * dy) * alpha;
                head[0] += float(gx), head[1] += float(gy), tail[0] -= float(gx), tail[1] -= float(gy);
            }
            nextSample[e] += perSample[e];
            const int negatives = int((epoch - nextNegative[e]) / perNegative[e]);
            for (int p = 0; p < negatives; ++p) {
                const uint32_t other = random.below(uint32_t(n));
                if (int(other) == edges[e].from)
                    continue;
                const float *away = y + 2 * size_t(other);
                dx = head[0] - away[0], dy = head[1] - away[1], d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    const double coefficient = 2 * b / ((0.001 + d2) * (a * std::pow(d2, b) + 1));
                    head[0] += float(clip(coefficient * dx) * alpha), head[1] += float(clip(coefficient * dy) * alpha);
                } else {
                    head[0] += float(4 * alpha), head[1] += float(4 * alpha);
                }
            }
            nextNegative[e] += negatives * perNegative[e];
        }
        if (progress && ((epoch + 1) % std::max(1, options.progressEvery) == 0 || epoch + 1 == epochs))
            progress(layout, epoch + 1, epochs);
    }
    return layout;
}

} // namespace bertlens
