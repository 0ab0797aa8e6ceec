#include "model/onednn.h"

#include <ATen/ATen.h>

namespace bertlens::onednn {

const dnnl::engine &cpuEngine()
{
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

dnnl::memory::desc describe(const at::Tensor &t)
{
    const auto type = t.scalar_type() == at::kBFloat16 ? dnnl::memory::data_type::bf16 : dnnl::memory::data_type::f32;
    return {dnnl::memory::dims(t.sizes().begin(), t.sizes().end()), type, dnnl::memory::dims(t.strides().begin(), t.strides().end())};
}

at::Tensor batchedMatmul(const at::Tensor &a, const at::Tensor &b)
{
    std::vector<int64_t> shape(a.sizes().begin(), a.sizes().end());
    shape.back() = b.size(-1);
    at::Tensor c = at::empty(shape, a.options().dtype(at::kFloat));
    if (c.numel() == 0)
        return c;
    const dnnl::matmul::primitive_desc pd({describe(a), describe(b), describe(c)}, cpuEngine());
    const dnnl::engine &engine = cpuEngine();
    dnnl::memory am(pd.src_desc(), engine, a.data_ptr()), bm(pd.weights_desc(), engine, b.data_ptr()),
        cm(pd.dst_desc(), engine, c.data_ptr());
    dnnl::stream stream(engine);
    dnnl::matmul(pd).execute(stream, {{DNNL_ARG_SRC, am}, {DNNL_ARG_WEIGHTS, bm}, {DNNL_ARG_DST, cm}});
    stream.wait();
    return c;
}

} // namespace bertlens::onednn
