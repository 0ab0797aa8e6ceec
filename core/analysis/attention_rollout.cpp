#include "analysis/attention_rollout.h"

#include <ATen/ATen.h>

namespace bertlens {

at::Tensor attentionRollout(const at::Tensor &attentions)
{
    const int64_t layers = attentions.size(0), t = attentions.size(-1);
    const at::Tensor identity = at::eye(t, at::kDouble);
    // In float64: the product of L stochastic matrices drifts in float32.
    at::Tensor rollout = identity;
    std::vector<at::Tensor> out;
    for (int64_t l = 0; l < layers; ++l) {
        at::Tensor a = attentions[l].to(at::kDouble).mean(0).mul(0.5).add(identity, 0.5); // [T,T]
        a = a / a.sum(-1, true);
        rollout = at::matmul(a, rollout);
        out.push_back(rollout);
    }
    return out.empty() ? at::empty({0, t, t}, at::kFloat) : at::stack(out).to(at::kFloat);
}

} // namespace bertlens
