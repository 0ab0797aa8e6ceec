#pragma once

#include "model/forward_hooks.h"
#include "model/knockout.h"

#include <vector>

namespace bertlens {

// Applies knock-outs inside the forward pass: `common` to every sentence of a batch, and, when
// `perRow` is given, perRow[b] besides to sentence b (the head-importance map runs one knock-out
// per row). Replacements are products with masks, so gradients flow through them.
class KnockoutHook : public ForwardHook {
public:
    explicit KnockoutHook(Knockout common, std::vector<Knockout> perRow = {});

    bool wants(Point point, int layer) const override;
    at::Tensor visit(Point point, int layer, const at::Tensor &value, const BatchShape &shape) override;

private:
    bool touches(const Knockout &k, Point point, int layer) const;
    Knockout m_common;
    std::vector<Knockout> m_perRow;
};

} // namespace bertlens
