#include "model/checkpoint.h"

#include "common/error.h"

#include <ATen/ATen.h>

namespace bertlens {

Checkpoint::Checkpoint(const NamedTensors &tensors, std::string sourceFile) : m_sourceFile(std::move(sourceFile))
{
    for (const auto &[name, tensor] : tensors)
        add(name, tensor);
}

Checkpoint readCheckpoint(const ModelFolder &folder) { return Checkpoint(folder.readWeights(), folder.weightsPath); }

namespace {

// DistilBERT is BERT without token types or pooler, under other names (HuggingFace's
// modeling_distilbert); its layers' names map one to one onto BERT's.
std::string bertNameOfDistilBert(std::string name)
{
    static const std::pair<const char *, const char *> parts[] = {
        {"transformer.layer.", "encoder.layer."},
        {".attention.q_lin.", ".attention.self.query."},
        {".attention.k_lin.", ".attention.self.key."},
        {".attention.v_lin.", ".attention.self.value."},
        {".attention.out_lin.", ".attention.output.dense."},
        {".sa_layer_norm.", ".attention.output.LayerNorm."},
        {".ffn.lin1.", ".intermediate.dense."},
        {".ffn.lin2.", ".output.dense."},
        {".output_layer_norm.", ".output.LayerNorm."},
    };
    for (const auto &[from, to] : parts)
        if (const size_t at = name.find(from); at != std::string::npos)
            name.replace(at, std::string(from).size(), to);
    return name;
}

// The masked-LM heads of DistilBERT (vocab_*), RoBERTa (lm_head) and ELECTRA's generator under
// BERT's names for the same parts.
std::string bertNameOfHead(std::string name)
{
    static const std::pair<const char *, const char *> head[] = {
        {"vocab_transform.", "cls.predictions.transform.dense."},
        {"vocab_layer_norm.", "cls.predictions.transform.LayerNorm."},
        {"vocab_projector.weight", "cls.predictions.decoder.weight"},
        {"vocab_projector.bias", "cls.predictions.bias"},
        {"lm_head.dense.", "cls.predictions.transform.dense."},
        {"lm_head.layer_norm.", "cls.predictions.transform.LayerNorm."},
        {"lm_head.decoder.weight", "cls.predictions.decoder.weight"},
        {"lm_head.decoder.bias", "cls.predictions.decoder.bias"},
        {"lm_head.bias", "cls.predictions.bias"},
        {"generator_predictions.dense.", "cls.predictions.transform.dense."},
        {"generator_predictions.LayerNorm.", "cls.predictions.transform.LayerNorm."},
        {"generator_lm_head.weight", "cls.predictions.decoder.weight"},
        {"generator_lm_head.bias", "cls.predictions.bias"},
    };
    for (const auto &[from, to] : head)
        if (name.rfind(from, 0) == 0)
            return to + name.substr(std::string(from).size());
    return name;
}

} // namespace

std::string Checkpoint::canonicalName(const std::string &checkpointName)
{
    std::string name = checkpointName;
    for (const std::string prefix : {"bert.", "distilbert.", "roberta.", "electra."})
        if (name.compare(0, prefix.size(), prefix) == 0)
            name = name.substr(prefix.size());
    name = bertNameOfHead(bertNameOfDistilBert(std::move(name)));
    auto replaceSuffix = [&name](const std::string &from, const std::string &to) {
        if (name.size() >= from.size() && name.compare(name.size() - from.size(), from.size(), from) == 0)
            name = name.substr(0, name.size() - from.size()) + to;
    };
    replaceSuffix("LayerNorm.gamma", "LayerNorm.weight");
    replaceSuffix("LayerNorm.beta", "LayerNorm.bias");
    return name;
}

void Checkpoint::add(const std::string &checkpointName, at::Tensor tensor)
{
    if (at::isFloatingType(tensor.scalar_type())) {
        m_storedFloatTypes.insert(tensor.scalar_type() == at::kFloat      ? "F32"
                                  : tensor.scalar_type() == at::kHalf     ? "F16"
                                  : tensor.scalar_type() == at::kBFloat16 ? "BF16"
                                                                          : "F64");
        if (tensor.scalar_type() != at::kFloat)
            tensor = tensor.to(at::kFloat);
    }
    const std::string name = canonicalName(checkpointName);
    if (!m_tensors.emplace(name, std::move(tensor)).second)
        throw modelError(m_sourceFile + ": holds tensor " + name + " twice (the second time as " + checkpointName + ")");
}

std::string Checkpoint::storedDtype() const
{
    std::string joined;
    for (const auto &t : m_storedFloatTypes)
        joined += (joined.empty() ? "" : "+") + t;
    return joined;
}

at::Tensor Checkpoint::get(const std::string &name, const std::vector<int64_t> &shape) const
{
    const auto it = m_tensors.find(name);
    if (it == m_tensors.end())
        throw modelError(m_sourceFile + ": tensor " + name + " is missing (expected shape " + shapeToString(shape) + ")");
    if (it->second.sizes() != at::IntArrayRef(shape))
        throw modelError(m_sourceFile + ": tensor " + name + " has shape " + shapeToString(it->second.sizes())
                         + ", but config.json implies " + shapeToString(shape));
    return it->second;
}

EncoderWeights encoderWeights(const BertConfig &config, const Checkpoint &checkpoint)
{
    EncoderWeights weights;
    visitEncoder(config, weights, [&checkpoint](const std::string &name, const std::vector<int64_t> &shape, TensorRole,
                                                at::Tensor &slot) { slot = checkpoint.get(name, shape); });
    const std::string extra = layerScope(config.numLayers) + ".output.dense.weight";
    if (checkpoint.contains(extra))
        throw modelError(checkpoint.sourceFile() + ": holds tensor " + extra + " beyond num_hidden_layers = "
                         + std::to_string(config.numLayers) + " in config.json");
    return weights;
}

bool mlmHeadWeights(const BertConfig &config, const Checkpoint &checkpoint, MlmHeadWeights &weights, std::string *missing)
{
    std::string absent;
    visitMlmHead(config, weights, [&](const std::string &name, const std::vector<int64_t> &shape, TensorRole, at::Tensor &slot) {
        // Some checkpoints store the output bias only under the decoder's name.
        const std::string stored = name == "cls.predictions.bias" && !checkpoint.contains(name) ? kMlmDecoderBias : name;
        if (checkpoint.contains(stored))
            slot = checkpoint.get(stored, shape);
        else if (absent.empty())
            absent = name;
    });
    if (!absent.empty()) {
        if (missing)
            *missing = checkpoint.sourceFile() + " has no masked-language-model head (no " + absent + ")";
        return false;
    }
    if (checkpoint.contains(kMlmDecoderWeight))
        weights.decoder = checkpoint.get(kMlmDecoderWeight, {config.vocabSize, config.embeddingWidth()});
    return true;
}

} // namespace bertlens
