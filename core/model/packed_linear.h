#pragma once

#include "model/bert_config.h"
#include "model/bert_weights.h"
#include "model/precision.h"

#include <ATen/core/Tensor.h>

#include <memory>
#include <optional>

namespace bertlens {

// A linear layer prepared once for inference on [N, in] rows: oneDNN's inner product with the
// weight reordered, at construction, into the blocked layout its kernels read (fp32, or bf16 on
// bf16-capable CPUs for Precision::BFloat16, accumulating in fp32), optionally with the
// activation applied as the result is written. Reordering once matters: ATen's mkldnn_linear
// reorders the weight on every call, which on a memory-bound 32-token sentence doubled the
// forward's time; the fused activation saves a pass over the FFN's [N, 4H] (6% of a corpus run).
// A differentiable PackedLinear also packs the transposed weight, so that autograd reaches the
// input through the same oneDNN kernels (gradients with respect to the input only: attribution;
// 1.6× ATen's at::linear on 384 rows of bert-base's FFN here). For weights that require gradients
// (the trainer) or are not fp32, the plain at::linear (and activate()) run on the weights as given.
class PackedLinear {
public:
    PackedLinear() = default;
    // Takes over the weights: once packed, `linear`'s tensors are no longer referenced, so a
    // memory-mapped checkpoint's pages can go.
    PackedLinear(Linear linear, Precision precision, std::optional<Activation> activation = std::nullopt,
                 bool differentiable = false);

    // [N, in] -> [N, out] of type `out` (when packed; otherwise the weights' type). Inputs of
    // the packed precision are read as they are, others converted. Without `activated`, the
    // activation is left out (a trace shows the values before it). In a differentiable layer, an
    // input that requires gradients gets a float32 result that autograd can differentiate; other
    // layers give results without gradients (BertModel refuses gradients through them).
    at::Tensor operator()(const at::Tensor &x, at::ScalarType out = at::kFloat, bool activated = true) const;

    struct Packed;

private:
    Linear m_linear; // unpacked weights, or the float32 bias when packed
    std::optional<Activation> m_activation;
    std::shared_ptr<const Packed> m_packed;
    std::shared_ptr<const Packed> m_transposed; // Wᵀ, for the input's gradient; differentiable layers only
};

} // namespace bertlens
