#include "model/mlm_head.h"

#include <ATen/ATen.h>

namespace bertlens {

MlmHead::MlmHead(const BertConfig &config, MlmHeadWeights weights, const at::Tensor &wordEmbeddings)
    : m_config(config), m_weights(std::move(weights))
{
    for (at::Tensor *t : {&m_weights.transform.weight, &m_weights.transform.bias, &m_weights.transformNorm.weight,
                          &m_weights.transformNorm.bias, &m_weights.bias, &m_weights.decoder})
        *t = resident(*t);
    if (!m_weights.decoder.defined())
        m_weights.decoder = wordEmbeddings;
}

at::Tensor MlmHead::logits(const at::Tensor &hidden) const
{
    const at::Tensor t = applyNorm(activate(applyLinear(hidden, m_weights.transform), m_config.headActivation),
                                   m_weights.transformNorm, m_config.layerNormEps);
    return at::linear(t, m_weights.decoder, m_weights.bias);
}

} // namespace bertlens
