#include "analysis/maps/umap_layout.h"

#include "analysis/maps/seeded_random.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace bertlens {

namespace {

constexpr double kSigmaTolerance = 1e-5;
constexpr int kMaxNegatives = 64; // per sample: reached only by edges far weaker than the strongest
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

// x^p for x > 0 as 2^(p·log2 x), each from the float's exponent bits and a polynomial of the
// mantissa (relative error below 1e-4): the layout evaluates it half a billion times for 10k
// points, and std::pow took most of its time.
inline float fastPow(float x, float p)
{
    uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    const int exponent = int((bits >> 23) & 0xFF) - 127;
    bits = (bits & 0x007FFFFF) | 0x3F800000; // the mantissa as a float in [1, 2)
    float mantissa;
    std::memcpy(&mantissa, &bits, sizeof mantissa);
    const float m = mantissa - 1;
    const float log2x = float(exponent)
        + m * (1.44269504f + m * (-0.72134752f + m * (0.47907571f + m * (-0.34245150f + m * (0.20893730f + m * -0.06255596f)))));
    const float y = std::clamp(p * log2x, -126.f, 126.f);
    const int whole = int(y) - (y < 0 && float(int(y)) != y); // floor, without a call (SSE2 has no rounding instruction)
    const float f = y - float(whole);
    const float fraction = 1 + f * (0.69314718f + f * (0.24022651f + f * (0.05550411f + f * (0.00961813f + f * 0.00133336f))));
    std::memcpy(&bits, &fraction, sizeof bits);
    bits += uint32_t(whole) << 23; // × 2^whole
    float out;
    std::memcpy(&out, &bits, sizeof out);
    return out;
}

constexpr int kParts = 8; // even: the round-robin pairs them all in kParts − 1 rounds

// Orders the edges by round and task — point i is in part i mod kParts; rounds 0..kParts−2 pair
// the parts by the circle method, the last round holds each part's own edges — and returns each
// round's tasks as ranges of them (a task's edges lie together, so it reads them in order).
std::vector<std::vector<std::pair<size_t, size_t>>> orderInRounds(std::vector<WeightedEdge> &edges)
{
    std::vector<int> roundOf(kParts * kParts), taskOf(kParts * kParts);
    for (int round = 0; round < kParts - 1; ++round)
        for (int t = 0; t < kParts / 2; ++t) {
            const int p = t == 0 ? kParts - 1 : (round + t) % (kParts - 1), q = (round - t + (kParts - 1)) % (kParts - 1);
            roundOf[size_t(p * kParts + q)] = roundOf[size_t(q * kParts + p)] = round;
            taskOf[size_t(p * kParts + q)] = taskOf[size_t(q * kParts + p)] = t;
        }
    for (int p = 0; p < kParts; ++p)
        roundOf[size_t(p * kParts + p)] = kParts - 1, taskOf[size_t(p * kParts + p)] = p;
    auto key = [&](const WeightedEdge &e) {
        const size_t pair = size_t((e.from % kParts) * kParts + e.to % kParts);
        return roundOf[pair] * kParts + taskOf[pair];
    };
    std::stable_sort(edges.begin(), edges.end(), [&](const WeightedEdge &l, const WeightedEdge &r) { return key(l) < key(r); });
    std::vector<std::vector<std::pair<size_t, size_t>>> rounds(kParts);
    for (int round = 0; round < kParts; ++round)
        rounds[size_t(round)].assign(round == kParts - 1 ? kParts : kParts / 2, {0, 0});
    for (size_t e = 0; e < edges.size();) {
        const int k = key(edges[e]);
        size_t end = e;
        while (end < edges.size() && key(edges[end]) == k)
            ++end;
        rounds[size_t(k / kParts)][size_t(k % kParts)] = {e, end};
        e = end;
    }
    return rounds;
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
    const auto rounds = orderInRounds(edges);
    const auto [a, b] = umapCurve(options.minDist, options.spread);
    std::vector<double> perSample(edges.size()), nextSample(edges.size()), perNegative(edges.size()), nextNegative(edges.size());
    for (size_t e = 0; e < edges.size(); ++e) {
        perSample[e] = nextSample[e] = maxWeight / edges[e].weight;
        perNegative[e] = nextNegative[e] = perSample[e] / options.negativeRate;
    }
    auto clip = [](float g) { return std::clamp(g, -4.f, 4.f); };
    const float fa = float(a), fb = float(b);
    // Parallel and still one map per seed: the points are dealt into kParts parts, and each
    // epoch runs in rounds where every task owns the points of one or two parts (a round-robin
    // tournament of the part pairs, then each part's own edges), so no two tasks move the same
    // point; negative samples read the positions as the epoch began, and each task draws from
    // its own stream. The result does not depend on the number of threads.
    // Each part's points lie together in `y` (point i at slot(i)), so that two tasks never write
    // to one cache line.
    const int perPart = (n + kParts - 1) / kParts;
    auto slot = [&](int i) { return size_t(i % kParts) * size_t(perPart) + size_t(i / kParts); };
    std::vector<float> slots(size_t(perPart) * kParts * 2, 0.f), before(slots.size());
    for (int i = 0; i < n; ++i)
        slots[2 * slot(i)] = layout.at(i, 0), slots[2 * slot(i) + 1] = layout.at(i, 1);
    for (WeightedEdge &e : edges)
        e.from = int32_t(slot(e.from)), e.to = int32_t(slot(e.to));
    auto unslot = [&] {
        for (int i = 0; i < n; ++i)
            layout.at(i, 0) = slots[2 * slot(i)], layout.at(i, 1) = slots[2 * slot(i) + 1];
    };
    float *y = slots.data();
    for (int epoch = 0; epoch < epochs; ++epoch) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const float alpha = float(options.learningRate * (1.0 - double(epoch) / epochs));
        std::copy(slots.begin(), slots.end(), before.begin());
        for (size_t round = 0; round < rounds.size(); ++round) {
            const auto &tasks = rounds[round];
            at::parallel_for(0, int64_t(tasks.size()), 1, [&](int64_t firstTask, int64_t lastTask) {
                for (int64_t task = firstTask; task < lastTask; ++task) {
                    SeededRandom random(options.seed ^ (0x9E3779B97F4A7C15ull * uint64_t((epoch * 64 + int(round)) * 64 + task + 1)));
                    for (size_t e = tasks[size_t(task)].first; e < tasks[size_t(task)].second; ++e) {
                        if (nextSample[e] > epoch)
                            continue;
                        float *head = y + 2 * size_t(edges[e].from), *tail = y + 2 * size_t(edges[e].to);
                        const float dx = head[0] - tail[0], dy = head[1] - tail[1], d2 = dx * dx + dy * dy;
                        if (d2 > 0) {
                            const float power = fastPow(d2, fb); // d^2b
                            const float coefficient = -2 * fa * fb * (power / d2) / (fa * power + 1);
                            const float gx = clip(coefficient * dx) * alpha, gy = clip(coefficient * dy) * alpha;
                            head[0] += gx, head[1] += gy, tail[0] -= gx, tail[1] -= gy;
                        }
                        nextSample[e] += perSample[e];
                        // The negative samples of this edge are computed together from the head's
                        // position (umap-learn moves the head after each): independent, so they
                        // overlap in the CPU instead of waiting on each other.
                        const int negatives = std::min(int((epoch - nextNegative[e]) / perNegative[e]), kMaxNegatives);
                        float pushX[kMaxNegatives], pushY[kMaxNegatives];
                        const float hx = head[0], hy = head[1];
                        for (int p = 0; p < negatives; ++p) {
                            const size_t other = slot(int(random.below(uint32_t(n))));
                            const float ox = hx - before[2 * other], oy = hy - before[2 * other + 1], o2 = ox * ox + oy * oy;
                            const float coefficient = 2 * fb / ((0.001f + o2) * (fa * fastPow(std::max(o2, 1e-30f), fb) + 1));
                            const bool self = int32_t(other) == edges[e].from;
                            pushX[p] = self ? 0.f : o2 > 0 ? clip(coefficient * ox) : 4.f;
                            pushY[p] = self ? 0.f : o2 > 0 ? clip(coefficient * oy) : 4.f;
                        }
                        for (int p = 0; p < negatives; ++p)
                            head[0] += pushX[p] * alpha, head[1] += pushY[p] * alpha;
                        nextNegative[e] += negatives * perNegative[e];
                    }
                }
            });
        }
        if (progress && ((epoch + 1) % std::max(1, options.progressEvery) == 0 || epoch + 1 == epochs)) {
            unslot();
            progress(layout, epoch + 1, epochs);
        }
    }
    unslot();
    return layout;
}

} // namespace bertlens
