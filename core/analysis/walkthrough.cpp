#include "analysis/walkthrough.h"

#include "analysis/tensor_matrix.h"
#include "common/error.h"
#include "model/forward_trace.h"
#include "model/knockout_hook.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"
#include "pipeline/long_inputs.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

namespace bertlens {

namespace {

std::vector<float> toVector(const at::Tensor &t)
{
    const at::Tensor c = t.to(at::kFloat).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

NormStep normStep(std::vector<float> input, const Norm &norm, std::vector<float> output)
{
    NormStep s;
    double sum = 0, squares = 0;
    for (float v : input)
        sum += v;
    s.mean = input.empty() ? 0 : sum / double(input.size());
    for (float v : input)
        squares += (v - s.mean) * (v - s.mean);
    s.variance = input.empty() ? 0 : squares / double(input.size());
    s.input = std::move(input);
    s.gamma = toVector(norm.weight);
    s.beta = toVector(norm.bias);
    s.output = std::move(output);
    return s;
}

std::vector<float> plus(std::vector<float> a, const std::vector<float> &b)
{
    for (size_t i = 0; i < a.size(); ++i)
        a[i] += b[i];
    return a;
}

} // namespace

const Matrix &Walkthrough::tensor(const std::string &name) const
{
    const auto it = tensors.find(name);
    if (it == tensors.end())
        throw Error(ErrorKind::Usage, "the walk-through has no tensor '" + name + "'");
    return it->second;
}

std::vector<float> Walkthrough::row(const std::string &name, int r) const
{
    const Matrix &m = tensor(name);
    const int i = r < 0 ? request.token : r;
    return {m.row(i), m.row(i) + m.cols};
}

Walkthrough computeWalkthrough(const LoadedModel &model, const WalkthroughRequest &request)
{
    const BertConfig &c = model.config;
    Walkthrough w;
    w.hiddenSize = c.hiddenSize;
    w.numHeads = c.numHeads;
    w.headSize = c.hiddenSize / c.numHeads;
    w.intermediateSize = c.intermediateSize;
    w.numLayers = c.numLayers;
    w.activation = c.activationName;
    w.layerNormEps = c.layerNormEps;
    const Tokenizer &tokenizer = *model.tokenizer;
    w.tokenizerModel = tokenizer.modelKind();
    w.text = tokenizer.explain(request.input.text);
    if (request.input.hasPair)
        w.pair = tokenizer.explain(request.input.pair);
    if (request.input.hasPair)
        w.encoding = tokenizer.encodePair(request.input.text, request.input.pair, model.maxLength);
    else if (request.longWindow >= 0)
        w.encoding = oneWindow(tokenizer, tokenizer.encode(request.input.text), model.maxLength,
                               defaultStride(tokenizer, model.maxLength), request.longWindow);
    else
        w.encoding = tokenizer.encode(request.input.text, model.maxLength);
    w.request = request;
    w.request.layer = std::clamp(request.layer, 1, c.numLayers);
    w.request.head = std::clamp(request.head, 0, c.numHeads - 1);
    w.request.token = std::clamp(request.token, 0, w.encoding.size() - 1);

    c10::InferenceMode inference;
    ForwardTrace trace;
    trace.layer = w.request.layer;
    trace.head = w.request.head;
    ForwardOptions options;
    KnockoutHook knockout(request.knockout); // first: the trace sees the pass as it is computed
    options.hooks = {&knockout, &trace};
    const ForwardResult out = model.encoder->forward(makeBatch({&w.encoding}, tokenizer.padId()), options);
    for (const auto &[name, value] : trace.tensors)
        w.tensors[name] = toMatrix(value);

    const int layer = w.request.layer;
    // The norm's own output: ELECTRA projects it to the layers' width before layer 1.
    const std::vector<float> sum = w.row("embeddings.sum");
    w.embeddingNorm = normStep(sum, model.encoder->embeddingNorm(),
                               toVector(applyNorm(at::tensor(sum), model.encoder->embeddingNorm(), c.layerNormEps)));
    w.attentionNorm = normStep(plus(w.row("layer.input"), w.row("attention.output")), model.encoder->attentionNorm(layer),
                               w.row("attention.output_norm"));
    w.outputNorm = normStep(plus(w.row("attention.output_norm"), w.row("ffn.output")), model.encoder->outputNorm(layer),
                            w.row("layer.output"));

    const std::vector<float> before = w.row("ffn.intermediate");
    const auto [lowest, highest] = std::minmax_element(before.begin(), before.end());
    const double from = std::max(-8.0, std::min(-3.0, double(*lowest))), to = std::min(8.0, std::max(3.0, double(*highest)));
    const at::Tensor xs = at::linspace(from, to, 241, at::kFloat);
    const at::Tensor ys = activate(xs, c.activation).to(at::kDouble).contiguous();
    const at::Tensor xd = xs.to(at::kDouble).contiguous();
    w.curveX.assign(xd.data_ptr<double>(), xd.data_ptr<double>() + xd.numel());
    w.curveY.assign(ys.data_ptr<double>(), ys.data_ptr<double>() + ys.numel());

    const at::Tensor token = out.hidden.select(1, 0).select(1, w.request.token); // [L+1, H]
    const at::Tensor norms = token.to(at::kDouble).norm(2, -1);
    for (int64_t l = 0; l < norms.size(0); ++l)
        w.norms.push_back(norms[l].item<double>());
    w.top = toVector(token[token.size(0) - 1]);
    if (model.mlmHead)
        w.predictions = predictTokens(model, w.top, 5);
    else
        w.mlmHeadMissing = model.mlmHeadMissing;
    return w;
}

} // namespace bertlens
