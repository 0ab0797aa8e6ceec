#include "analysis/maps/tsne_layout.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bertlens {

namespace {

// Affinities as a sparse symmetric matrix in rows: column, value.
struct SparseRows {
    std::vector<int64_t> start; // [n + 1]
    std::vector<int32_t> column;
    std::vector<double> value;
};

// p(j|i) ∝ exp(−β d²) with β chosen (bisection on the entropy) so that the perplexity is reached.
void conditionalRow(const double *d2, int count, double perplexity, double *p)
{
    const double target = std::log(perplexity);
    double beta = 1, low = -INFINITY, high = INFINITY;
    const double nearest = *std::min_element(d2, d2 + count);
    for (int iteration = 0; iteration < 100; ++iteration) {
        double sum = 0, weighted = 0;
        for (int j = 0; j < count; ++j) {
            p[j] = std::exp(-(d2[j] - nearest) * beta);
            sum += p[j], weighted += d2[j] * p[j];
        }
        const double entropy = std::log(sum) + beta * (weighted / sum - nearest);
        for (int j = 0; j < count; ++j)
            p[j] /= sum;
        const double gap = entropy - target;
        if (std::abs(gap) < 1e-5)
            break;
        if (gap > 0)
            low = beta, beta = std::isinf(high) ? beta * 2 : (beta + high) / 2;
        else
            high = beta, beta = std::isinf(low) ? beta / 2 : (beta + low) / 2;
    }
}

// (P + Pᵀ) / Σ, from each point's conditional row over the given neighbours.
SparseRows symmetricAffinities(int n, const std::vector<int32_t> &neighbour, const std::vector<double> &conditional, int k)
{
    std::vector<std::vector<std::pair<int32_t, double>>> rows(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j) {
            const int32_t other = neighbour[size_t(i) * size_t(k) + size_t(j)];
            if (other < 0 || other == i)
                continue;
            const double p = conditional[size_t(i) * size_t(k) + size_t(j)];
            rows[size_t(i)].push_back({other, p});
            rows[size_t(other)].push_back({i, p});
        }
    SparseRows out;
    out.start.push_back(0);
    double total = 0;
    for (auto &row : rows) {
        std::sort(row.begin(), row.end());
        for (size_t at = 0; at < row.size();) {
            double sum = 0;
            size_t end = at;
            for (; end < row.size() && row[end].first == row[at].first; ++end)
                sum += row[end].second;
            out.column.push_back(row[at].first);
            out.value.push_back(sum);
            total += sum;
            at = end;
        }
        out.start.push_back(int64_t(out.column.size()));
    }
    for (double &v : out.value)
        v /= total;
    return out;
}

// A quadtree of the layout: each cell's centre of mass and point count; a leaf holds one point,
// or at the depth limit every point that falls there (a list through `nextInLeaf`).
class QuadTree {
public:
    QuadTree(const std::vector<double> &y, int n) : m_y(y), m_nextInLeaf(size_t(n), -1)
    {
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (int i = 0; i < n; ++i) {
            x0 = std::min(x0, y[2 * size_t(i)]), x1 = std::max(x1, y[2 * size_t(i)]);
            y0 = std::min(y0, y[2 * size_t(i) + 1]), y1 = std::max(y1, y[2 * size_t(i) + 1]);
        }
        const double size = std::max({x1 - x0, y1 - y0, 1e-9}) * (1 + 1e-9);
        m_nodes.reserve(size_t(n) * 2);
        m_nodes.push_back(Node{x0, y0, size});
        for (int i = 0; i < n; ++i)
            insert(i);
    }

    // Σ_j q_ij and Σ_j q_ij² (y_i − y_j) over every other point, q = 1 / (1 + d²).
    void repulsion(int i, double theta, double &z, double &fx, double &fy) const
    {
        const double px = m_y[2 * size_t(i)], py = m_y[2 * size_t(i) + 1];
        int stack[256];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node &node = m_nodes[size_t(stack[--top])];
            if (node.count == 0)
                continue;
            if (node.child[0] < 0) { // a leaf: its points one by one
                for (int p = node.point; p >= 0; p = m_nextInLeaf[size_t(p)]) {
                    if (p == i)
                        continue;
                    const double dx = px - m_y[2 * size_t(p)], dy = py - m_y[2 * size_t(p) + 1];
                    const double q = 1 / (1 + dx * dx + dy * dy);
                    z += q, fx += q * q * dx, fy += q * q * dy;
                }
                continue;
            }
            const double dx = px - node.mx, dy = py - node.my, d2 = dx * dx + dy * dy;
            const bool inside = px >= node.x && px < node.x + node.size && py >= node.y && py < node.y + node.size;
            if (!inside && node.size * node.size < theta * theta * d2) {
                const double q = 1 / (1 + d2);
                z += node.count * q, fx += node.count * q * q * dx, fy += node.count * q * q * dy;
                continue;
            }
            for (int c : node.child)
                stack[top++] = c;
        }
    }

private:
    struct Node {
        double x, y, size; // the cell: [x, x + size) × [y, y + size)
        double mx = 0, my = 0; // centre of mass
        int count = 0;
        int point = -1;         // a leaf's first point
        int child[4] = {-1, -1, -1, -1};
        int depth = 0;
    };
    static constexpr int kMaxDepth = 48;
    const std::vector<double> &m_y;
    std::vector<int> m_nextInLeaf;
    std::vector<Node> m_nodes;

    int quadrant(const Node &node, double px, double py) const
    {
        const double half = node.size / 2;
        return (px >= node.x + half ? 1 : 0) + (py >= node.y + half ? 2 : 0);
    }
    void split(int at)
    {
        for (int q = 0; q < 4; ++q) {
            const Node &parent = m_nodes[size_t(at)];
            const double half = parent.size / 2;
            Node child{parent.x + (q & 1 ? half : 0), parent.y + (q & 2 ? half : 0), half};
            child.depth = parent.depth + 1;
            m_nodes.push_back(child);
            m_nodes[size_t(at)].child[q] = int(m_nodes.size()) - 1;
        }
    }
    void insert(int i)
    {
        const double px = m_y[2 * size_t(i)], py = m_y[2 * size_t(i) + 1];
        int at = 0;
        for (;;) {
            Node &node = m_nodes[size_t(at)];
            node.mx = (node.mx * node.count + px) / (node.count + 1);
            node.my = (node.my * node.count + py) / (node.count + 1);
            ++node.count;
            if (node.child[0] >= 0) {
                at = node.child[quadrant(node, px, py)];
                continue;
            }
            if (node.count == 1) {
                node.point = i;
                return;
            }
            if (node.depth >= kMaxDepth) { // coincident points: kept together in the leaf
                m_nextInLeaf[size_t(i)] = node.point;
                node.point = i;
                return;
            }
            const int resident = node.point;
            const double rx = m_y[2 * size_t(resident)], ry = m_y[2 * size_t(resident) + 1];
            node.point = -1;
            split(at);
            Node &parent = m_nodes[size_t(at)];
            Node &home = m_nodes[size_t(parent.child[quadrant(parent, rx, ry)])];
            home.count = 1, home.point = resident, home.mx = rx, home.my = ry;
            at = parent.child[quadrant(parent, px, py)];
        }
    }
};

} // namespace

int tsneNeighbours(int n, double perplexity) { return std::max(1, std::min(n - 1, int(3 * perplexity))); }

Matrix tsneLayout(const at::Tensor &unitRows, const NeighbourGraph &graph, Matrix start, const TsneOptions &options, const LayoutProgress &progress)
{
    c10::InferenceMode inference;
    const int n = int(unitRows.size(0));
    if (n < 3)
        return start;
    const bool exact = n <= options.exactUpTo;
    const double perplexity = std::min(options.perplexity, double(n - 1) / 3);
    // Affinities: over every other point (exact) or the nearest neighbours.
    int k = 0;
    std::vector<int32_t> neighbour;
    std::vector<double> d2;
    if (exact) {
        k = n - 1;
        const at::Tensor squared = (2 - 2 * at::mm(unitRows, unitRows.t())).clamp_min(0).to(at::kDouble).contiguous();
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (j != i) {
                    neighbour.push_back(j);
                    d2.push_back(squared.data_ptr<double>()[size_t(i) * size_t(n) + size_t(j)]);
                }
    } else {
        k = graph.k;
        neighbour = graph.index;
        for (float d : graph.distance)
            d2.push_back(double(d) * d);
    }
    std::vector<double> conditional(d2.size());
    at::parallel_for(0, n, 16, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i)
            conditionalRow(d2.data() + i * k, k, perplexity, conditional.data() + i * k);
    });
    const SparseRows p = symmetricAffinities(n, neighbour, conditional, k);

    std::vector<double> y(start.values.begin(), start.values.end()), update(y.size(), 0), gains(y.size(), 1), gradient(y.size());
    std::vector<double> z(static_cast<size_t>(n)), repulse(y.size());
    const double learningRate = std::max(n / options.exaggeration / 4, 50.0);
    Matrix layout(n, 2);
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const bool exaggerating = iteration < options.exaggerationIterations;
        const double exaggeration = exaggerating ? options.exaggeration : 1.0, momentum = exaggerating ? 0.5 : 0.8;
        // Repulsion (with the normaliser Z) and attraction, point by point.
        if (exact) {
            at::parallel_for(0, n, 16, [&](int64_t first, int64_t last) {
                for (int64_t i = first; i < last; ++i) {
                    double zi = 0, fx = 0, fy = 0;
                    for (int j = 0; j < n; ++j) {
                        if (j == i)
                            continue;
                        const double dx = y[2 * size_t(i)] - y[2 * size_t(j)], dy = y[2 * size_t(i) + 1] - y[2 * size_t(j) + 1];
                        const double q = 1 / (1 + dx * dx + dy * dy);
                        zi += q, fx += q * q * dx, fy += q * q * dy;
                    }
                    z[size_t(i)] = zi, repulse[2 * size_t(i)] = fx, repulse[2 * size_t(i) + 1] = fy;
                }
            });
        } else {
            const QuadTree tree(y, n);
            at::parallel_for(0, n, 64, [&](int64_t first, int64_t last) {
                for (int64_t i = first; i < last; ++i) {
                    double zi = 0, fx = 0, fy = 0;
                    tree.repulsion(int(i), options.theta, zi, fx, fy);
                    z[size_t(i)] = zi, repulse[2 * size_t(i)] = fx, repulse[2 * size_t(i) + 1] = fy;
                }
            });
        }
        double total = 0;
        for (double zi : z)
            total += zi;
        at::parallel_for(0, n, 64, [&](int64_t first, int64_t last) {
            for (int64_t i = first; i < last; ++i) {
                double ax = 0, ay = 0;
                for (int64_t e = p.start[size_t(i)]; e < p.start[size_t(i) + 1]; ++e) {
                    const int32_t j = p.column[size_t(e)];
                    const double dx = y[2 * size_t(i)] - y[2 * size_t(j)], dy = y[2 * size_t(i) + 1] - y[2 * size_t(j) + 1];
                    const double q = 1 / (1 + dx * dx + dy * dy);
                    ax += p.value[size_t(e)] * q * dx, ay += p.value[size_t(e)] * q * dy;
                }
                gradient[2 * size_t(i)] = 4 * (exaggeration * ax - repulse[2 * size_t(i)] / total);
                gradient[2 * size_t(i) + 1] = 4 * (exaggeration * ay - repulse[2 * size_t(i) + 1] / total);
            }
        });
        for (size_t c = 0; c < y.size(); ++c) {
            const bool stillDescending = update[c] * gradient[c] < 0; // the step went against the gradient: speed up
            gains[c] = std::max(0.01, stillDescending ? gains[c] + 0.2 : gains[c] * 0.8);
            update[c] = momentum * update[c] - learningRate * gains[c] * gradient[c];
            y[c] += update[c];
        }
        if (progress && ((iteration + 1) % std::max(1, options.progressEvery) == 0 || iteration + 1 == options.iterations)) {
            std::copy(y.begin(), y.end(), layout.values.begin());
            progress(layout, iteration + 1, options.iterations);
        }
    }
    std::copy(y.begin(), y.end(), layout.values.begin());
    return layout;
}

} // namespace bertlens
