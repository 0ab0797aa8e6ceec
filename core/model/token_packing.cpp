#include "model/token_packing.h"

#include <ATen/ATen.h>

namespace bertlens {

TokenPacking::TokenPacking(const at::Tensor &mask) : m_padded(mask.numel()), m_batch(mask.size(0)), m_tokens(mask.size(1))
{
    const at::Tensor flat = mask.reshape({-1});
    if (flat.numel() && !flat.all().item<bool>())
        m_positions = flat.nonzero().squeeze(1);
}

at::Tensor TokenPacking::rowOfToken() const
{
    return pack(at::arange(m_batch, at::kLong).repeat_interleave(m_tokens));
}

at::Tensor TokenPacking::unpack(const at::Tensor &rows) const
{
    if (!m_positions.defined())
        return rows;
    return at::zeros({m_padded, rows.size(1)}, rows.options()).index_copy(0, m_positions, rows);
}

at::Tensor TokenPacking::unpackInto(at::Tensor &buffer, const at::Tensor &rows) const
{
    if (!m_positions.defined())
        return rows;
    if (!buffer.defined())
        buffer = at::zeros({m_padded, rows.size(1)}, rows.options());
    return buffer.index_copy_(0, m_positions, rows);
}

at::Tensor TokenPacking::pack(const at::Tensor &rows) const
{
    return m_positions.defined() ? rows.index_select(0, m_positions) : rows;
}

} // namespace bertlens
