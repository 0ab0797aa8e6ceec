#include "model/knockout_hook.h"

#include "common/error.h"

#include <ATen/ATen.h>

namespace bertlens {

KnockoutHook::KnockoutHook(Knockout common, std::vector<Knockout> perRow)
    : m_common(std::move(common)), m_perRow(std::move(perRow))
{
}

bool KnockoutHook::touches(const Knockout &k, Point point, int layer) const
{
    if (point == Point::Context)
        for (const auto &[l, h] : k.heads)
            if (l == layer)
                return true;
    return point == Point::FfnOutput && k.ffn.count(layer);
}

bool KnockoutHook::wants(Point point, int layer) const
{
    if (touches(m_common, point, layer))
        return true;
    for (const Knockout &k : m_perRow)
        if (touches(k, point, layer))
            return true;
    return false;
}

at::Tensor KnockoutHook::visit(Point point, int layer, const at::Tensor &value, const BatchShape &shape)
{
    if (!m_perRow.empty() && int64_t(m_perRow.size()) != shape.batch)
        throw Error(ErrorKind::Usage, "a knock-out per sentence needs one for each of the batch's "
                                          + std::to_string(shape.batch) + " sentences");
    auto kept = [&](const Knockout &k, int head) {
        return head < 0 ? !k.ffn.count(layer) : !k.heads.count({layer, head});
    };
    if (point == Point::Context) { // [B, heads, T, d]: one factor per sentence and head
        const int64_t heads = value.size(1);
        std::vector<float> factors(size_t(shape.batch * heads));
        for (int64_t b = 0; b < shape.batch; ++b)
            for (int64_t h = 0; h < heads; ++h)
                factors[size_t(b * heads + h)] =
                    kept(m_common, int(h)) && (m_perRow.empty() || kept(m_perRow[size_t(b)], int(h))) ? 1.f : 0.f;
        const at::Tensor mask = at::tensor(factors).to(value.scalar_type()).view({shape.batch, heads, 1, 1});
        return value * mask;
    }
    // FfnOutput, [N, H]: one factor per sentence, spread over its rows.
    std::vector<float> factors(size_t(shape.batch));
    for (int64_t b = 0; b < shape.batch; ++b)
        factors[size_t(b)] = kept(m_common, -1) && (m_perRow.empty() || kept(m_perRow[size_t(b)], -1)) ? 1.f : 0.f;
    const at::Tensor rowFactor = at::tensor(factors).to(value.scalar_type()).index_select(0, shape.rowOfToken);
    return value * rowFactor.unsqueeze(1);
}

} // namespace bertlens
