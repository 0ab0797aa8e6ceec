#include "model/packed_linear.h"

#include "model/onednn.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/custom_function.h>

namespace bertlens {

namespace {

using onednn::cpuEngine;
using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

dt typeOf(at::ScalarType type) { return type == at::kBFloat16 ? dt::bf16 : dt::f32; }

dnnl::algorithm algorithmOf(Activation activation)
{
    switch (activation) {
    case Activation::Gelu: return dnnl::algorithm::eltwise_gelu_erf;
    case Activation::GeluTanh: return dnnl::algorithm::eltwise_gelu_tanh;
    case Activation::Relu: return dnnl::algorithm::eltwise_relu;
    }
    return dnnl::algorithm::eltwise_relu;
}

// The row count the weight layout is chosen for; oneDNN's kernels for other counts read the same layout.
constexpr int64_t kTypicalRows = 128;

} // namespace

struct PackedLinear::Packed {
    at::ScalarType type; // of the weight and the input rows
    int64_t in, out;
    dnnl::memory weights; // in the layout oneDNN chose; owns its buffer
    dnnl::primitive_attr attributes;

    dnnl::inner_product_forward::primitive_desc describe(int64_t rows, at::ScalarType result, const dnnl::memory::desc &w,
                                                         bool activated = true) const
    {
        const dnnl::memory::desc src({rows, in}, typeOf(type), tag::ab);
        const dnnl::memory::desc bias({out}, dt::f32, tag::a);
        const dnnl::memory::desc dst({rows, out}, typeOf(result), tag::ab);
        return {{dnnl::prop_kind::forward_inference, src, w, bias, dst}, activated ? attributes : dnnl::primitive_attr(),
                cpuEngine()};
    }
};

namespace {

std::shared_ptr<const PackedLinear::Packed> packWeight(const at::Tensor &weight, Precision precision,
                                                       std::optional<Activation> activation)
{
    auto packed = std::make_shared<PackedLinear::Packed>();
    packed->type = precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    packed->out = weight.size(0);
    packed->in = weight.size(1);
    if (activation) {
        dnnl::post_ops ops;
        ops.append_eltwise(1.f, algorithmOf(*activation), 0.f, 0.f);
        packed->attributes.set_post_ops(ops);
    }
    const dnnl::memory::desc any({packed->out, packed->in}, typeOf(packed->type), tag::any);
    const auto pd = packed->describe(kTypicalRows, at::kFloat, any);
    const at::Tensor plainWeight = weight.to(packed->type).contiguous();
    dnnl::memory plain({{packed->out, packed->in}, typeOf(packed->type), tag::ab}, cpuEngine(), plainWeight.data_ptr());
    packed->weights = dnnl::memory(pd.weights_desc(), cpuEngine());
    dnnl::stream stream(cpuEngine());
    dnnl::reorder(plain, packed->weights).execute(stream, plain, packed->weights);
    stream.wait();
    return packed;
}

// x [N, in] · Wᵀ + bias → [N, out] of type `out` through oneDNN.
at::Tensor applyPacked(const PackedLinear::Packed &p, const at::Tensor &x, const at::Tensor &bias, at::ScalarType out,
                       bool activated)
{
    const int64_t rows = x.size(0);
    at::Tensor y = at::empty({rows, p.out}, x.options().dtype(out));
    if (rows == 0)
        return y;
    const at::Tensor src = x.to(p.type).contiguous();
    const auto pd = p.describe(rows, out, p.weights.get_desc(), activated);
    const dnnl::engine &engine = cpuEngine();
    dnnl::memory srcMemory(pd.src_desc(), engine, src.data_ptr());
    dnnl::memory biasMemory(pd.bias_desc(), engine, bias.data_ptr());
    dnnl::memory dstMemory(pd.dst_desc(), engine, y.data_ptr());
    dnnl::stream stream(engine);
    dnnl::inner_product_forward(pd).execute(stream, {{DNNL_ARG_SRC, srcMemory}, {DNNL_ARG_WEIGHTS, p.weights},
                                                     {DNNL_ARG_BIAS, biasMemory}, {DNNL_ARG_DST, dstMemory}});
    stream.wait();
    return y;
}

// y = x·Wᵀ + b with ∂y/∂x = W, both products through oneDNN (the weights take no gradient).
struct PackedLinearFunction : torch::autograd::Function<PackedLinearFunction> {
    static at::Tensor forward(torch::autograd::AutogradContext *context, const at::Tensor &x, int64_t forward,
                              int64_t transposed, const at::Tensor &bias)
    {
        context->saved_data["transposed"] = transposed;
        const auto &p = *reinterpret_cast<const PackedLinear::Packed *>(forward);
        return applyPacked(p, x, bias, at::kFloat, false);
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *context,
                                                   const torch::autograd::variable_list &gradients)
    {
        const auto &t = *reinterpret_cast<const PackedLinear::Packed *>(context->saved_data["transposed"].toInt());
        const at::Tensor noBias = at::zeros({t.out}, at::kFloat);
        return {applyPacked(t, gradients[0].contiguous(), noBias, at::kFloat, false), {}, {}, {}};
    }
};

} // namespace

PackedLinear::PackedLinear(Linear linear, Precision precision, std::optional<Activation> activation, bool differentiable)
    : m_activation(activation)
{
    const bool inference = !linear.weight.requires_grad() && !linear.bias.requires_grad();
    if (!inference || linear.weight.scalar_type() != at::kFloat) {
        m_linear = std::move(linear);
        return;
    }
    m_packed = packWeight(linear.weight, precision, activation);
    if (differentiable)
        m_transposed = packWeight(linear.weight.t(), Precision::Float32, std::nullopt);
    m_linear.bias = resident(linear.bias.to(at::kFloat));
}

at::Tensor PackedLinear::operator()(const at::Tensor &x, at::ScalarType out, bool activated) const
{
    if (!m_packed) {
        const at::Tensor y = at::linear(x, m_linear.weight, m_linear.bias);
        return m_activation && activated ? activate(y, *m_activation) : y;
    }
    if (x.requires_grad() && m_transposed) {
        const at::Tensor y = PackedLinearFunction::apply(x, reinterpret_cast<int64_t>(m_packed.get()),
                                                         reinterpret_cast<int64_t>(m_transposed.get()), m_linear.bias);
        return m_activation && activated ? activate(y, *m_activation) : y;
    }
    return applyPacked(*m_packed, x, m_linear.bias, out, activated);
}

} // namespace bertlens
