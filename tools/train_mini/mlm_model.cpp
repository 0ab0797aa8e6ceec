#include "mlm_model.h"

#include "model/bert_model.h"
#include "model/mlm_head.h"

namespace bertlens::train {

MlmModel::MlmModel(const BertConfig &config, uint64_t seed, torch::Device device) : m_config(config)
{
    torch::manual_seed(seed);
    // BERT's initialisation: N(0, 0.02) matrices, zero biases, identity LayerNorms; drawn on the
    // CPU so that a seed gives the same model on every device.
    const TensorVisitor init = [this, device](const std::string &name, const std::vector<int64_t> &shape, TensorRole role,
                                              at::Tensor &slot) {
        switch (role) {
        case TensorRole::NormWeight: slot = torch::ones(shape); break;
        case TensorRole::NormBias:
        case TensorRole::Bias: slot = torch::zeros(shape); break;
        default: slot = torch::randn(shape) * 0.02; break;
        }
        slot = slot.to(device).set_requires_grad(true);
        m_params[name] = slot;
    };
    visitEncoder(config, m_encoder, init);
    visitMlmHead(config, m_head, init);
}

torch::Tensor MlmModel::maskedLogits(const torch::Tensor &ids, const torch::Tensor &types, const torch::Tensor &mask, const torch::Tensor &positions,
                                     torch::ScalarType compute, double dropout) const
{
    EncoderWeights encoder = m_encoder;
    MlmHeadWeights head = m_head;
    if (compute != torch::kFloat) {
        // Differentiable casts: the gradients reach the F32 masters.
        const TensorVisitor cast = [compute](const std::string &, const std::vector<int64_t> &, TensorRole, at::Tensor &slot) {
            slot = slot.to(compute);
        };
        visitEncoder(m_config, encoder, cast);
        visitMlmHead(m_config, head, cast);
    }
    ForwardOptions options;
    options.training = true;
    options.dropout = dropout;
    options.layers = {m_config.numLayers};
    // Built anew each step: its fused QKV projection is computed from the current parameters.
    const BertModel model(m_config, encoder);
    const torch::Tensor hidden = model.forward(Batch{ids, types, mask}, options).hidden[0]; // [B,T,H]
    const torch::Tensor chosen = hidden.reshape({-1, m_config.hiddenSize}).index_select(0, positions);
    return MlmHead(m_config, head, encoder.wordEmbeddings).logits(chosen).to(torch::kFloat);
}

void MlmModel::loadWeights(const NamedTensors &weights)
{
    std::map<std::string, torch::Tensor> byName;
    for (const auto &[name, t] : weights)
        byName[name.rfind("bert.", 0) == 0 ? name.substr(5) : name] = t;
    torch::NoGradGuard noGrad;
    for (auto &[name, param] : m_params) {
        const auto it = byName.find(name);
        if (it == byName.end())
            throw std::runtime_error("initial weights: no tensor " + name);
        if (it->second.sizes() != param.sizes())
            throw std::runtime_error("initial weights: " + name + " has another shape");
        param.copy_(it->second.to(param.scalar_type()));
    }
}

std::vector<torch::Tensor> MlmModel::parameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto &[name, t] : m_params)
        out.push_back(t);
    return out;
}

NamedTensors MlmModel::named() const
{
    NamedTensors out;
    for (const auto &[name, t] : m_params)
        out.emplace_back(name, t.detach().to(torch::kCPU));
    return out;
}

} // namespace bertlens::train
