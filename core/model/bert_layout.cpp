#include "model/bert_layout.h"

namespace bertlens {

namespace {

using Kind = TensorSpec::Kind;

void addLinear(std::vector<TensorSpec> &out, const std::string &scope, int64_t outDim, int64_t inDim)
{
    out.push_back({scope + ".weight", {outDim, inDim}, Kind::Weight});
    out.push_back({scope + ".bias", {outDim}, Kind::Bias});
}

void addNorm(std::vector<TensorSpec> &out, const std::string &scope, int64_t h)
{
    out.push_back({scope + ".weight", {h}, Kind::NormWeight});
    out.push_back({scope + ".bias", {h}, Kind::NormBias});
}

} // namespace

std::vector<TensorSpec> encoderLayout(const BertConfig &c)
{
    const int64_t h = c.hiddenSize;
    std::vector<TensorSpec> out = {
        {"embeddings.word_embeddings.weight", {c.vocabSize, h}, Kind::Embedding},
        {"embeddings.position_embeddings.weight", {c.maxPositions, h}, Kind::Embedding},
        {"embeddings.token_type_embeddings.weight", {c.typeVocabSize, h}, Kind::Embedding},
    };
    addNorm(out, "embeddings.LayerNorm", h);
    for (int i = 0; i < c.numLayers; ++i) {
        const std::string s = "encoder.layer." + std::to_string(i);
        addLinear(out, s + ".attention.self.query", h, h);
        addLinear(out, s + ".attention.self.key", h, h);
        addLinear(out, s + ".attention.self.value", h, h);
        addLinear(out, s + ".attention.output.dense", h, h);
        addNorm(out, s + ".attention.output.LayerNorm", h);
        addLinear(out, s + ".intermediate.dense", c.intermediateSize, h);
        addLinear(out, s + ".output.dense", h, c.intermediateSize);
        addNorm(out, s + ".output.LayerNorm", h);
    }
    return out;
}

std::vector<TensorSpec> mlmHeadLayout(const BertConfig &c)
{
    std::vector<TensorSpec> out;
    addLinear(out, "cls.predictions.transform.dense", c.hiddenSize, c.hiddenSize);
    addNorm(out, "cls.predictions.transform.LayerNorm", c.hiddenSize);
    out.push_back({"cls.predictions.bias", {c.vocabSize}, Kind::Bias});
    return out;
}

} // namespace bertlens
