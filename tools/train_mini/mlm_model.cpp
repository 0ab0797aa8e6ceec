#include "mlm_model.h"

#include <cmath>

namespace bertlens::train {

MlmModel::MlmModel(const BertConfig &config, uint64_t seed) : m_config(config)
{
    torch::manual_seed(seed);
    const int64_t h = config.hiddenSize, f = config.intermediateSize;
    auto normal = [](std::vector<int64_t> shape) { return torch::randn(shape) * 0.02; };
    auto addLinear = [&](const std::string &scope, int64_t out, int64_t in) {
        m_params[scope + ".weight"] = normal({out, in});
        m_params[scope + ".bias"] = torch::zeros({out});
    };
    auto addNorm = [&](const std::string &scope) {
        m_params[scope + ".weight"] = torch::ones({h});
        m_params[scope + ".bias"] = torch::zeros({h});
    };
    m_params["embeddings.word_embeddings.weight"] = normal({config.vocabSize, h});
    m_params["embeddings.position_embeddings.weight"] = normal({config.maxPositions, h});
    m_params["embeddings.token_type_embeddings.weight"] = normal({config.typeVocabSize, h});
    addNorm("embeddings.LayerNorm");
    for (int i = 0; i < config.numLayers; ++i) {
        const std::string s = "encoder.layer." + std::to_string(i);
        addLinear(s + ".attention.self.query", h, h);
        addLinear(s + ".attention.self.key", h, h);
        addLinear(s + ".attention.self.value", h, h);
        addLinear(s + ".attention.output.dense", h, h);
        addNorm(s + ".attention.output.LayerNorm");
        addLinear(s + ".intermediate.dense", f, h);
        addLinear(s + ".output.dense", h, f);
        addNorm(s + ".output.LayerNorm");
    }
    addLinear("cls.predictions.transform.dense", h, h);
    addNorm("cls.predictions.transform.LayerNorm");
    m_params["cls.predictions.bias"] = torch::zeros({config.vocabSize});
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
