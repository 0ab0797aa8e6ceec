#pragma once

#include "model/bert_config.h"
#include "model/bert_weights.h"
#include "model/forward_hooks.h"
#include "model/packed_linear.h"
#include "model/token_packing.h"

#include <vector>

namespace bertlens {

// What every layer of one forward pass shares: the batch's packing and mask, the types, the hooks.
struct LayerContext {
    const TokenPacking &packing;
    BatchShape shape;
    at::Tensor maskBias;         // [B, 1, 1, T]: 0 for real keys, the lowest float for padding
    at::ScalarType inner;        // what linear layers hand to each other (bf16 or float32)
    bool autograd = false;       // ATen kernels that autograd can differentiate
    double dropout = 0;
    const std::vector<ForwardHook *> &hooks;
    at::Tensor paddedQkv;        // reused between layers (inference only)

    bool wants(Point point, int layer) const;
    // `value` after every hook that wants this point has seen it (and perhaps replaced it).
    at::Tensor pass(Point point, int layer, at::Tensor value);
    at::Tensor drop(const at::Tensor &t) const;
};

// One encoder layer: masked self-attention with its output projection and LayerNorm, then the
// feed-forward with its LayerNorm (post-LN, as BERT). The query, key and value projections are
// one fused [3H, H] linear layer with 1/√d folded into the query's rows.
class BertLayer {
public:
    BertLayer(const BertConfig &config, LayerWeights weights, Precision precision, bool differentiable);

    // x: [N, H] packed rows → [N, H]. `layer` is this layer's number, 1..L. When `pattern` is
    // given, the attention probabilities [B, heads, T, T] are stored there.
    at::Tensor forward(const at::Tensor &x, int layer, LayerContext &context, at::Tensor *pattern = nullptr) const;

    const Norm &attentionNorm() const { return m_attentionNorm; }
    const Norm &outputNorm() const { return m_outputNorm; }

private:
    int64_t m_heads, m_headSize;
    double m_eps;
    Activation m_activation;
    PackedLinear m_qkv, m_attentionOutput, m_intermediate, m_output;
    Norm m_attentionNorm, m_outputNorm;
};

} // namespace bertlens
