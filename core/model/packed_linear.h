#pragma once

#include "model/bert_weights.h"
#include "model/precision.h"

#include <ATen/core/Tensor.h>

#include <memory>

namespace bertlens {

// A linear layer prepared once for inference on [N, in] rows: oneDNN's inner product with the
// weight reordered, at construction, into the blocked layout its kernels read (fp32, or bf16 on
// bf16-capable CPUs for Precision::BFloat16, accumulating in fp32). Reordering once matters:
// ATen's mkldnn_linear reorders the weight on every call, which on a memory-bound 32-token
// sentence doubled the forward's time. Under autograd (the trainer) or for non-fp32 weights the
// plain at::linear runs on the weights as given.
class PackedLinear {
public:
    PackedLinear() = default;
    // Takes over the weights: once packed, `linear`'s tensors are no longer referenced, so a
    // memory-mapped checkpoint's pages can go.
    PackedLinear(Linear linear, Precision precision);

    // [N, in] float32 -> [N, out] float32 (the weights' type when not packed).
    at::Tensor operator()(const at::Tensor &x) const;
    bool packed() const { return m_packed != nullptr; }

private:
    struct Packed;
    Linear m_linear;                  // unpacked weights, or the float32 bias when packed
    std::shared_ptr<const Packed> m_packed;
};

} // namespace bertlens
