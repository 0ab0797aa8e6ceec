#include "analysis/attribution.h"

#include "analysis/explain_target.h"
#include "common/error.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>

#include <cmath>

namespace bertlens {

namespace {

// Tokens per pass: inference passes are cheap in memory, autograd keeps every layer's activations.
constexpr int64_t kInferenceTokens = 4096;
constexpr int64_t kGradientTokens = 1024;

int64_t rowsPerPass(int64_t budget, int64_t tokensPerRow) { return std::max<int64_t>(1, budget / std::max<int64_t>(1, tokensPerRow)); }

struct Progress {
    const ProgressFn &report;
    long long total, done = 0;
    void step(long long n)
    {
        done += n;
        if (report)
            report(done, total);
    }
};

Attribution prepared(const ExplainTarget &target, ExplainMethod method)
{
    Attribution a;
    a.method = method;
    for (int text = 0; text < target.texts(); ++text) {
        a.encodings.push_back(target.encoding(text));
        a.scores.emplace_back(size_t(target.encoding(text).size()), 0.0);
    }
    a.maskPosition = target.maskPosition();
    a.tokenId = target.tokenId();
    return a;
}

void occlusion(const LoadedModel &model, const ExplainTarget &target, Attribution &a, const CancelToken *cancel,
               const ProgressFn &report)
{
    c10::InferenceMode inference;
    const BertModel &encoder = *model.encoder;
    const MlmHead *head = model.mlmHead.get();
    ForwardOptions options;
    options.cancel = cancel;
    std::vector<at::Tensor> base;
    for (int text = 0; text < target.texts(); ++text)
        base.push_back(target.run(text, encoder, head, target.ids(text, 1), {}, options));
    const at::Tensor &other = base.size() > 1 ? base[1] : base[0];
    a.target = target.combine(base[0], other).item<double>();
    long long rows = 0;
    for (const Encoding &e : a.encodings)
        rows += e.size();
    Progress progress{report, rows};
    for (int text = 0; text < target.texts(); ++text) {
        const int64_t t = target.encoding(text).size();
        const int64_t chunk = rowsPerPass(kInferenceTokens, t);
        for (int64_t first = 0; first < t; first += chunk) {
            const int64_t n = std::min(chunk, t - first);
            at::Tensor ids = target.ids(text, n);
            for (int64_t j = 0; j < n; ++j)
                ids[j][first + j] = model.tokenizer->padId();
            const at::Tensor out = target.run(text, encoder, head, ids, {}, options);
            const at::Tensor f = text == 0 ? target.combine(out, other.expand_as(out)) : target.combine(base[0].expand_as(out), out);
            const at::Tensor fd = f.to(at::kDouble).contiguous();
            for (int64_t j = 0; j < n; ++j)
                a.scores[size_t(text)][size_t(first + j)] = a.target - fd[j].item<double>();
            progress.step(n);
        }
    }
}

// Σ_k w_k ∂f/∂E at E(α_k) = E′ + α_k (E − E′), per text [T, H], on the differentiable model.
std::vector<at::Tensor> pathGradients(const LoadedModel::Differentiable &d, const ExplainTarget &target,
                                      const std::vector<at::Tensor> &e, const std::vector<at::Tensor> &e0,
                                      const std::vector<double> &alphas, const std::vector<double> &weights,
                                      const CancelToken *cancel, Progress &progress)
{
    int64_t tokens = 0;
    for (const at::Tensor &x : e)
        tokens += x.size(0);
    const int64_t chunk = rowsPerPass(kGradientTokens, tokens);
    std::vector<at::Tensor> sums;
    for (const at::Tensor &x : e)
        sums.push_back(at::zeros_like(x));
    ForwardOptions options;
    options.cancel = cancel;
    options.gradients = true;
    for (size_t first = 0; first < alphas.size(); first += size_t(chunk)) {
        const size_t n = std::min(alphas.size() - first, size_t(chunk));
        const at::Tensor alpha = at::tensor(std::vector<double>(alphas.begin() + long(first), alphas.begin() + long(first + n)))
                                     .to(at::kFloat).view({long(n), 1, 1});
        const at::Tensor weight = at::tensor(std::vector<double>(weights.begin() + long(first), weights.begin() + long(first + n)));
        std::vector<at::Tensor> points, outs;
        for (int text = 0; text < target.texts(); ++text) {
            const at::Tensor from = e0[size_t(text)].unsqueeze(0), to = e[size_t(text)].unsqueeze(0);
            points.push_back((from + alpha * (to - from)).detach().requires_grad_(true)); // [n, T, H]
            outs.push_back(target.run(text, *d.encoder, d.mlmHead.get(), target.ids(text, int64_t(n)), points.back(), options));
        }
        const at::Tensor f = target.combine(outs[0], outs.size() > 1 ? outs[1] : outs[0]);
        (f * weight).sum().backward();
        for (size_t text = 0; text < points.size(); ++text)
            sums[text] += points[text].grad().sum(0);
        progress.step(long(n));
    }
    return sums;
}

void gradients(const LoadedModel &model, const ExplainTarget &target, Attribution &a, int steps, const CancelToken *cancel,
               const ProgressFn &report)
{
    // Autograd on, even where a caller runs in inference mode.
    c10::InferenceMode normal(false);
    at::AutoGradMode enabled(true);
    const LoadedModel::Differentiable &d = model.differentiable();
    const at::Tensor table = d.encoder->wordEmbeddings().detach();
    std::vector<at::Tensor> e, e0;
    for (int text = 0; text < target.texts(); ++text) {
        const Encoding &enc = target.encoding(text);
        e.push_back(table.index_select(0, target.ids(text, 1)[0]));
        at::Tensor baseline = table[model.tokenizer->padId()].unsqueeze(0).repeat({enc.size(), 1});
        for (int i = 0; i < enc.size(); ++i)
            if (enc.specialMask[size_t(i)] || enc.roles[size_t(i)] == TokenRole::Mask)
                baseline[i] = e.back()[i];
        e0.push_back(baseline);
    }
    const bool integrated = a.method == ExplainMethod::IntegratedGradients;
    auto [alphas, weights] = integrated ? gaussLegendre(steps) : std::pair<std::vector<double>, std::vector<double>>{{1.0}, {1.0}};
    Progress progress{report, (long long)alphas.size() + 1};
    const std::vector<at::Tensor> g = pathGradients(d, target, e, e0, alphas, weights, cancel, progress);
    // f at both ends of the path, on the same model the gradients came from.
    auto valueAt = [&](const std::vector<at::Tensor> &point) {
        at::NoGradGuard noGrad;
        ForwardOptions options;
        options.cancel = cancel;
        std::vector<at::Tensor> outs;
        for (int text = 0; text < target.texts(); ++text)
            outs.push_back(target.run(text, *d.encoder, d.mlmHead.get(), target.ids(text, 1), point[size_t(text)].unsqueeze(0), options));
        return target.combine(outs[0], outs.size() > 1 ? outs[1] : outs[0]).item<double>();
    };
    a.target = valueAt(e);
    if (integrated) {
        a.steps = steps;
        a.baseline = valueAt(e0);
    }
    progress.step(1);
    for (int text = 0; text < target.texts(); ++text) {
        const at::Tensor difference = integrated ? e[size_t(text)] - e0[size_t(text)] : e[size_t(text)];
        const at::Tensor s = (difference * g[size_t(text)]).sum(-1).to(at::kDouble).contiguous();
        for (int64_t i = 0; i < s.size(0); ++i)
            a.scores[size_t(text)][size_t(i)] = s[i].item<double>();
    }
}

} // namespace

ExplainMethod parseExplainMethod(const std::string &name)
{
    if (name == "occlusion")
        return ExplainMethod::Occlusion;
    if (name == "gradient")
        return ExplainMethod::Gradient;
    if (name == "integrated-gradients")
        return ExplainMethod::IntegratedGradients;
    throw Error(ErrorKind::Usage, "method '" + name + "' is not one of occlusion, gradient, integrated-gradients");
}

const char *explainMethodName(ExplainMethod method)
{
    switch (method) {
    case ExplainMethod::Occlusion: return "occlusion";
    case ExplainMethod::Gradient: return "gradient";
    case ExplainMethod::IntegratedGradients: return "integrated-gradients";
    }
    return "";
}

double Attribution::completenessError() const
{
    const double change = target - baseline;
    return std::abs(sum - change) / std::max(std::abs(change), 1e-12);
}

Attribution attribute(const LoadedModel &model, const ExplainRequest &request, ExplainMethod method, int steps,
                      const CancelToken *cancel, const ProgressFn &progress)
{
    if (method == ExplainMethod::IntegratedGradients && (steps < 1 || steps > kMaxIntegrationSteps))
        throw Error(ErrorKind::Usage, "steps must be between 1 and " + std::to_string(kMaxIntegrationSteps));
    const ExplainTarget target(model, request);
    Attribution a = prepared(target, method);
    if (method == ExplainMethod::Occlusion)
        occlusion(model, target, a, cancel, progress);
    else
        gradients(model, target, a, steps, cancel, progress);
    for (const std::vector<double> &text : a.scores)
        for (double s : text)
            a.sum += s;
    return a;
}

std::vector<double> wordScores(const std::vector<double> &tokenScores, const WordGroups &words)
{
    std::vector<double> out(size_t(words.size()), 0.0);
    for (int w = 0; w < words.size(); ++w)
        for (int token : words.tokens[size_t(w)])
            out[size_t(w)] += tokenScores.at(size_t(token));
    return out;
}

std::pair<std::vector<double>, std::vector<double>> gaussLegendre(int n)
{
    // P_n(x) and P_n'(x) by the three-term recurrence.
    auto legendre = [n](double x) {
        double p0 = 1, p1 = x;
        for (int k = 2; k <= n; ++k) {
            const double p2 = ((2.0 * k - 1) * x * p1 - (k - 1.0) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return std::pair<double, double>{p1, n * (x * p1 - p0) / (x * x - 1)};
    };
    // Newton's method from Chebyshev-like starting points on [−1, 1], mapped to [0, 1].
    std::vector<double> nodes(static_cast<size_t>(n)), weights(static_cast<size_t>(n));
    const double pi = std::acos(-1.0);
    for (int i = 0; i < n; ++i) {
        double x = std::cos(pi * (i + 0.75) / (n + 0.5));
        for (int iteration = 0; iteration < 100; ++iteration) {
            const auto [p, derivative] = legendre(x);
            const double step = p / derivative;
            x -= step;
            if (std::abs(step) < 1e-15)
                break;
        }
        const double derivative = legendre(x).second;
        nodes[size_t(n - 1 - i)] = (x + 1) / 2;
        weights[size_t(n - 1 - i)] = 1.0 / ((1 - x * x) * derivative * derivative); // 2/((1−x²)P′²), halved for [0, 1]
    }
    return {nodes, weights};
}

} // namespace bertlens
