#include "model/onednn.h"

#include <ATen/ATen.h>

#include <cstdlib>

namespace bertlens::onednn {

namespace {
constexpr int kPrimitiveCacheCapacity = 32;
} // namespace

const dnnl::engine &cpuEngine()
{
    static const dnnl::engine engine = [] {
        // oneDNN keeps up to 1024 primitives by default, one per shape: a corpus's batches have
        // hundreds of token counts, and the cached bf16 (AMX) primitives held 580 MB after 20k lines
        // (bench: 1306 → 728 MB peak with 16, the same speed; fp32 within 3%). The user's
        // ONEDNN_PRIMITIVE_CACHE_CAPACITY still wins.
        if (!std::getenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY") && !std::getenv("DNNL_PRIMITIVE_CACHE_CAPACITY"))
            dnnl::set_primitive_cache_capacity(kPrimitiveCacheCapacity);
        return dnnl::engine(dnnl::engine::kind::cpu, 0);
    }();
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
