#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace bertlens {

Matrix toMatrix(const at::Tensor &t)
{
    const at::Tensor c = t.to(at::kFloat).contiguous();
    Matrix m(int(c.size(0)), int(c.size(1)));
    std::copy(c.data_ptr<float>(), c.data_ptr<float>() + c.numel(), m.values.begin());
    return m;
}

at::Tensor tensorView(const Matrix &m)
{
    return at::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols}, at::kFloat);
}

} // namespace bertlens
