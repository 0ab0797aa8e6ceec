#pragma once

#include <ATen/core/Tensor.h>

namespace bertlens {

// Attention rollout (Abnar & Zuidema 2020): Â_ℓ = 0.5·mean_heads(A_ℓ) + 0.5·I with rows
// renormalised, rollout_ℓ = Â_ℓ · rollout_ℓ₋₁ (rollout_0 = I). attentions: [L, heads, T, T] of one
// sentence; returns [L, T, T] (layer ℓ at index ℓ-1), each row a distribution over the input tokens.
at::Tensor attentionRollout(const at::Tensor &attentions);

} // namespace bertlens
