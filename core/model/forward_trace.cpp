#include "model/forward_trace.h"

#include "common/error.h"

#include <ATen/ATen.h>

namespace bertlens {

bool ForwardTrace::wants(Point, int at) const { return at == 0 || at == layer; }

at::Tensor ForwardTrace::visit(Point point, int, const at::Tensor &value, const BatchShape &shape)
{
    if (shape.batch != 1)
        throw Error(ErrorKind::Usage, "a trace takes one sentence");
    const at::Tensor kept = isPerHead(point) ? value[0][head] : value;
    tensors.emplace_back(pointName(point), kept.detach().to(at::kFloat).contiguous().clone());
    return {};
}

} // namespace bertlens
