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
// Under autograd (the trainer) or for weights that are not fp32, the plain at::linear (and
// activate()) run on the weights as given.
class PackedLinear {
public:
    PackedLinear() = default;
    // Takes over the weights: once packed, `linear`'s tensors are no longer referenced, so a
    // memory-mapped checkpoint's pages can go. With `packed` false the plain weights are kept and
    // at::linear runs, so that autograd can differentiate through the layer (attribution).
    PackedLinear(Linear linear, Precision precision, std::optional<Activation> activation = std::nullopt, bool packed = true);

    // [N, in] -> [N, out] of type `out` (when packed; otherwise the weights' type). Inputs of
    // the packed precision are read as they are, others converted. Without `activated`, the
    // activation is left out (a trace shows the values before it).
    at::Tensor operator()(const at::Tensor &x, at::ScalarType out = at::kFloat, bool activated = true) const;

private:
    struct Packed;
    Linear m_linear; // unpacked weights, or the float32 bias when packed
    std::optional<Activation> m_activation;
    std::shared_ptr<const Packed> m_packed;
};

} // namespace bertlens
