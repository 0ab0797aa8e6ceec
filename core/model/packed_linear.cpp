#include "model/packed_linear.h"

#include "common/error.h"

#include <ATen/ATen.h>

#include <dnnl.hpp>

namespace bertlens {

namespace {

using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

const dnnl::engine &cpuEngine()
{
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

dnnl::inner_product_forward::primitive_desc describe(int64_t rows, int64_t in, int64_t out, dt type, const dnnl::memory::desc &weights)
{
    const dnnl::memory::desc src({rows, in}, type, tag::ab);
    const dnnl::memory::desc bias({out}, dt::f32, tag::a);
    const dnnl::memory::desc dst({rows, out}, dt::f32, tag::ab);
    return {{dnnl::prop_kind::forward_inference, src, weights, bias, dst}, cpuEngine()};
}

// The row count the weight layout is chosen for; oneDNN's kernels for other counts read the same layout.
constexpr int64_t kTypicalRows = 128;

} // namespace

struct PackedLinear::Packed {
    dt type;
    int64_t in, out;
    dnnl::memory weights; // in the layout oneDNN chose; owns its buffer
};

PackedLinear::PackedLinear(Linear linear, Precision precision)
{
    const bool inference = !linear.weight.requires_grad() && !linear.bias.requires_grad();
    if (!inference || linear.weight.scalar_type() != at::kFloat) {
        m_linear = std::move(linear);
        return;
    }
    auto packed = std::make_shared<Packed>();
    packed->type = precision == Precision::BFloat16 ? dt::bf16 : dt::f32;
    packed->out = linear.weight.size(0);
    packed->in = linear.weight.size(1);
    const dnnl::memory::desc any({packed->out, packed->in}, packed->type, tag::any);
    const auto pd = describe(kTypicalRows, packed->in, packed->out, packed->type, any);
    at::Tensor weight = linear.weight.to(precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat).contiguous();
    dnnl::memory plain({{packed->out, packed->in}, packed->type, tag::ab}, cpuEngine(), weight.data_ptr());
    packed->weights = dnnl::memory(pd.weights_desc(), cpuEngine());
    dnnl::stream stream(cpuEngine());
    dnnl::reorder(plain, packed->weights).execute(stream, plain, packed->weights);
    stream.wait();
    m_linear.bias = linear.bias.to(at::kFloat).contiguous();
    m_packed = std::move(packed);
}

at::Tensor PackedLinear::operator()(const at::Tensor &x) const
{
    if (!m_packed)
        return at::linear(x, m_linear.weight, m_linear.bias);
    const Packed &p = *m_packed;
    const int64_t rows = x.size(0);
    at::Tensor y = at::empty({rows, p.out}, x.options().dtype(at::kFloat));
    if (rows == 0)
        return y;
    const at::Tensor src = (p.type == dt::bf16 ? x.to(at::kBFloat16) : x.to(at::kFloat)).contiguous();
    const auto pd = describe(rows, p.in, p.out, p.type, p.weights.get_desc());
    const dnnl::engine &engine = cpuEngine();
    dnnl::memory srcMemory(pd.src_desc(), engine, src.data_ptr());
    dnnl::memory biasMemory(pd.bias_desc(), engine, m_linear.bias.data_ptr());
    dnnl::memory dstMemory(pd.dst_desc(), engine, y.data_ptr());
    dnnl::stream stream(engine);
    dnnl::inner_product_forward(pd).execute(stream, {{DNNL_ARG_SRC, srcMemory}, {DNNL_ARG_WEIGHTS, p.weights},
                                                     {DNNL_ARG_BIAS, biasMemory}, {DNNL_ARG_DST, dstMemory}});
    stream.wait();
    return y;
}

} // namespace bertlens
