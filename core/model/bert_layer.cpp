#include "model/bert_layer.h"

#include "model/onednn.h"

#include <ATen/ATen.h>

#include <cmath>

namespace bertlens {

bool LayerContext::wants(Point point, int layer) const
{
    for (const ForwardHook *hook : hooks)
        if (hook->wants(point, layer))
            return true;
    return false;
}

at::Tensor LayerContext::pass(Point point, int layer, at::Tensor value)
{
    for (ForwardHook *hook : hooks)
        if (hook->wants(point, layer))
            if (at::Tensor replaced = hook->visit(point, layer, value, shape); replaced.defined())
                value = std::move(replaced);
    return value;
}

at::Tensor LayerContext::drop(const at::Tensor &t) const { return dropout > 0 ? at::dropout(t, dropout, true) : t; }

BertLayer::BertLayer(const BertConfig &config, LayerWeights l, Precision precision, bool differentiable)
    : m_heads(config.numHeads), m_headSize(config.headSize()), m_eps(config.layerNormEps), m_activation(config.activation)
{
    // 1/sqrt(d) folded into the query projection: exact for the usual d = 64 (a power of two).
    const double scale = 1.0 / std::sqrt(double(m_headSize));
    Linear qkv{at::cat({l.query.weight * scale, l.key.weight, l.value.weight}, 0),
               at::cat({l.query.bias * scale, l.key.bias, l.value.bias}, 0)};
    m_qkv = PackedLinear(std::move(qkv), precision, std::nullopt, differentiable);
    m_attentionOutput = PackedLinear(std::move(l.attentionOutput), precision, std::nullopt, differentiable);
    m_intermediate = PackedLinear(std::move(l.intermediate), precision, config.activation, differentiable);
    m_output = PackedLinear(std::move(l.output), precision, std::nullopt, differentiable);
    m_attentionNorm = {resident(l.attentionNorm.weight), resident(l.attentionNorm.bias)};
    m_outputNorm = {resident(l.outputNorm.weight), resident(l.outputNorm.bias)};
}

at::Tensor BertLayer::forward(const at::Tensor &x0, int layer, LayerContext &c, at::Tensor *pattern) const
{
    const int64_t b = c.shape.batch, t = c.shape.tokens, h = m_heads * m_headSize;
    // The attention products: oneDNN on the views in place for inference, ATen under autograd.
    auto matmul = [&](const at::Tensor &p, const at::Tensor &q) {
        return c.autograd ? at::matmul(p, q) : onednn::batchedMatmul(p.to(c.inner), q.to(c.inner));
    };
    // In-place additions below touch only results that autograd does not keep for backward.
    const at::Tensor x = c.pass(Point::LayerInput, layer, x0);
    const at::Tensor projected = m_qkv(x, c.inner);                                   // [N,3H], q scaled
    const at::Tensor qkv = (c.autograd ? c.packing.unpack(projected) : c.packing.unpackInto(c.paddedQkv, projected))
                               .view({b, t, 3, m_heads, m_headSize})
                               .permute({2, 0, 3, 1, 4});                             // [3,B,heads,T,d]
    at::Tensor q = qkv[0];
    if (c.wants(Point::Query, layer)) { // hooks see the query as x·W_q + b, before the folded 1/√d
        const double unscale = std::sqrt(double(m_headSize));
        const at::Tensor seen = q * unscale;
        if (const at::Tensor replaced = c.pass(Point::Query, layer, seen); !replaced.is_same(seen))
            q = replaced / unscale;
    }
    const at::Tensor k = c.pass(Point::Key, layer, qkv[1]);
    const at::Tensor v = c.pass(Point::Value, layer, qkv[2]);
    at::Tensor scores = c.pass(Point::Scores, layer, matmul(q, k.transpose(-1, -2)));    // [B,heads,T,T]
    const at::Tensor probs = c.pass(Point::Pattern, layer, at::softmax(scores.add_(c.maskBias), -1));
    if (pattern)
        *pattern = probs;
    const at::Tensor perHead = c.pass(Point::Context, layer, matmul(c.drop(probs), v));   // [B,heads,T,d]
    const at::Tensor context = c.packing.pack(perHead.permute({0, 2, 1, 3}).reshape({b * t, h}));
    const at::Tensor attentionOutput = c.pass(Point::AttentionOutput, layer, m_attentionOutput(context));
    const at::Tensor attended =
        c.pass(Point::ResidualMid, layer, applyNorm(c.drop(attentionOutput).add_(x), m_attentionNorm, m_eps));
    at::Tensor activated;                                                             // [N,4H]
    if (c.wants(Point::FfnPre, layer)) {
        // The values before the activation, computed beside the fused kernel for the hooks: an
        // observer leaves the pass's own numbers as they are.
        const at::Tensor before = m_intermediate(attended, at::kFloat, false);
        const at::Tensor replaced = c.pass(Point::FfnPre, layer, before);
        activated = replaced.is_same(before) ? m_intermediate(attended, c.inner) : activate(replaced, m_activation);
    } else {
        activated = m_intermediate(attended, c.inner);
    }
    activated = c.pass(Point::FfnActivated, layer, activated);
    const at::Tensor ffnOutput = c.pass(Point::FfnOutput, layer, m_output(activated));
    return c.pass(Point::LayerOutput, layer, applyNorm(c.drop(ffnOutput).add_(attended), m_outputNorm, m_eps));
}

} // namespace bertlens
