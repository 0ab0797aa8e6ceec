#include "mlm_model.h"

#include "model/bert_layout.h"

#include <cmath>

namespace bertlens::train {

MlmModel::MlmModel(const BertConfig &config, uint64_t seed) : m_config(config)
{
    torch::manual_seed(seed);
    std::vector<TensorSpec> layout = encoderLayout(config);
    const auto head = mlmHeadLayout(config);
    layout.insert(layout.end(), head.begin(), head.end());
    // BERT's initialisation: N(0, 0.02) matrices, zero biases, identity LayerNorms.
    for (const TensorSpec &spec : layout) {
        switch (spec.kind) {
        case TensorSpec::Kind::NormWeight: m_params[spec.name] = torch::ones(spec.shape); break;
        case TensorSpec::Kind::NormBias:
        case TensorSpec::Kind::Bias: m_params[spec.name] = torch::zeros(spec.shape); break;
        default: m_params[spec.name] = torch::randn(spec.shape) * 0.02; break;
        }
    }
    for (auto &[name, t] : m_params)
        t.set_requires_grad(true);
}

std::vector<torch::Tensor> MlmModel::parameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto &[name, t] : m_params)
        out.push_back(t);
    return out;
}

torch::Tensor MlmModel::linear(const torch::Tensor &x, const std::string &scope) const
{
    return torch::nn::functional::linear(x, p(scope + ".weight"), p(scope + ".bias"));
}

torch::Tensor MlmModel::norm(const torch::Tensor &x, const std::string &scope) const
{
    return torch::layer_norm(x, {m_config.hiddenSize}, p(scope + ".weight"), p(scope + ".bias"), m_config.layerNormEps);
}

torch::Tensor MlmModel::encode(const torch::Tensor &ids, const torch::Tensor &mask) const
{
    const int64_t b = ids.size(0), t = ids.size(1), h = m_config.hiddenSize, heads = m_config.numHeads, d = h / heads;
    torch::Tensor x = torch::embedding(p("embeddings.word_embeddings.weight"), ids)
                      + p("embeddings.position_embeddings.weight").slice(0, 0, t).unsqueeze(0)
                      + p("embeddings.token_type_embeddings.weight")[0];
    x = norm(x, "embeddings.LayerNorm");
    const torch::Tensor bias = (1.0 - mask.to(torch::kFloat)).mul(-1e9).view({b, 1, 1, t});
    for (int i = 0; i < m_config.numLayers; ++i) {
        const std::string s = "encoder.layer." + std::to_string(i);
        auto split = [&](const torch::Tensor &y) { return y.view({b, t, heads, d}).transpose(1, 2); }; // [B,heads,T,d]
        const torch::Tensor q = split(linear(x, s + ".attention.self.query"));
        const torch::Tensor k = split(linear(x, s + ".attention.self.key"));
        const torch::Tensor v = split(linear(x, s + ".attention.self.value"));
        const torch::Tensor probs = torch::softmax(torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(d)) + bias, -1);
        const torch::Tensor context = torch::matmul(probs, v).transpose(1, 2).reshape({b, t, h});
        const torch::Tensor a = norm(linear(context, s + ".attention.output.dense") + x, s + ".attention.output.LayerNorm");
        x = norm(linear(torch::gelu(linear(a, s + ".intermediate.dense")), s + ".output.dense") + a, s + ".output.LayerNorm");
    }
    return x;
}

torch::Tensor MlmModel::predict(const torch::Tensor &hidden) const
{
    const torch::Tensor t = norm(torch::gelu(linear(hidden, "cls.predictions.transform.dense")), "cls.predictions.transform.LayerNorm");
    return torch::matmul(t, p("embeddings.word_embeddings.weight").t()) + p("cls.predictions.bias");
}

} // namespace bertlens::train
