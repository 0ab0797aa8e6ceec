#include "analysis/pooling.h"

#include "common/error.h"

#include <ATen/ATen.h>

#include <limits>

namespace bertlens {

Pooling parsePooling(const std::string &name)
{
    if (name == "none")
        return Pooling::None;
    if (name == "cls")
        return Pooling::Cls;
    if (name == "mean")
        return Pooling::Mean;
    if (name == "max")
        return Pooling::Max;
    if (name == "mean_sqrt_len")
        return Pooling::MeanSqrtLen;
    throw Error(ErrorKind::Usage, "pooling '" + name + "' is not one of none, cls, mean, max, mean_sqrt_len");
}

const char *poolingName(Pooling pooling)
{
    switch (pooling) {
    case Pooling::None: return "none";
    case Pooling::Cls: return "cls";
    case Pooling::Mean: return "mean";
    case Pooling::Max: return "max";
    case Pooling::MeanSqrtLen: return "mean_sqrt_len";
    }
    return "none";
}

at::Tensor poolTokens(const at::Tensor &hidden, const at::Tensor &mask, Pooling pooling)
{
    const at::Tensor m = mask.to(hidden.scalar_type()).unsqueeze(-1); // [B,T,1]
    switch (pooling) {
    case Pooling::Cls:
        return hidden.select(-2, 0);
    case Pooling::Mean:
        return (hidden * m).sum(-2) / m.sum(-2).clamp_min(1);
    case Pooling::Max:
        return hidden.masked_fill(m == 0, -std::numeric_limits<float>::infinity()).amax(-2);
    case Pooling::MeanSqrtLen:
        return (hidden * m).sum(-2) / m.sum(-2).clamp_min(1).sqrt();
    case Pooling::None:
        break;
    }
    throw Error(ErrorKind::Usage, "pooling 'none' gives token vectors, not a sentence vector");
}

} // namespace bertlens
