#pragma once

#include <ATen/core/Tensor.h>

namespace bertlens {

// Moves token rows between the packed [N, C] form (the real tokens of a batch, in batch order) and
// the padded [B·T, C] form. Padding then costs nothing in the linear layers and LayerNorms; only
// the attention products see [B, T] (the "remove padding" scheme of EffectiveTransformer /
// FasterTransformer).
class TokenPacking {
public:
    // mask: [B, T] of 1/0.
    explicit TokenPacking(const at::Tensor &mask);

    at::Tensor pack(const at::Tensor &rows) const;
    at::Tensor unpack(const at::Tensor &rows) const;
    // Into `buffer`, whose padding rows stay zero from one layer to the next (not under autograd,
    // which may not see a tensor overwritten).
    at::Tensor unpackInto(at::Tensor &buffer, const at::Tensor &rows) const;
    // [N] int64: the batch row of each packed row (made on request: only hooks need it).
    at::Tensor rowOfToken() const;

private:
    at::Tensor m_positions; // [N] indices into B·T of the real tokens; undefined when nothing is padded
    int64_t m_padded = 0;   // B·T
    int64_t m_batch = 0, m_tokens = 0;
};

} // namespace bertlens
