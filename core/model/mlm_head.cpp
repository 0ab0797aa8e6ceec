#include "model/mlm_head.h"

#include "model/checkpoint.h"

#include <ATen/ATen.h>

namespace bertlens {

MlmHead::MlmHead(const BertConfig &config, MlmHeadWeights weights, const at::Tensor &wordEmbeddings)
    : m_config(config), m_weights(std::move(weights))
{
    if (!m_weights.decoder.defined())
        m_weights.decoder = wordEmbeddings;
}

std::unique_ptr<MlmHead> MlmHead::fromCheckpoint(const BertConfig &config, const Checkpoint &checkpoint,
                                                 const at::Tensor &wordEmbeddings, std::string *missing)
{
    std::string absent;
    MlmHeadWeights weights;
    visitMlmHead(config, weights, [&](const std::string &name, const std::vector<int64_t> &shape, TensorRole, at::Tensor &slot) {
        const std::string stored = name == "cls.predictions.bias" && !checkpoint.contains(name) ? kMlmDecoderBias : name;
        if (checkpoint.contains(stored))
            slot = checkpoint.get(stored, shape);
        else if (absent.empty())
            absent = name;
    });
    if (!absent.empty()) {
        if (missing)
            *missing = checkpoint.sourceFile() + " has no masked-language-model head (no " + absent + ")";
        return nullptr;
    }
    if (checkpoint.contains(kMlmDecoderWeight))
        weights.decoder = checkpoint.get(kMlmDecoderWeight, {config.vocabSize, config.hiddenSize});
    return std::make_unique<MlmHead>(config, std::move(weights), wordEmbeddings);
}

at::Tensor MlmHead::logits(const at::Tensor &hidden) const
{
    const at::Tensor t = applyNorm(activate(applyLinear(hidden, m_weights.transform), m_config.activation),
                                   m_weights.transformNorm, m_config.layerNormEps);
    return at::linear(t, m_weights.decoder, m_weights.bias);
}

} // namespace bertlens
