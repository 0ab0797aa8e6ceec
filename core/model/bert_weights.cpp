#include "model/bert_weights.h"

#include <ATen/ATen.h>

namespace bertlens {

namespace {

using Role = TensorRole;

void visitLinear(const TensorVisitor &visit, const std::string &scope, Linear &linear, int64_t out, int64_t in)
{
    visit(scope + ".weight", {out, in}, Role::Weight, linear.weight);
    visit(scope + ".bias", {out}, Role::Bias, linear.bias);
}

void visitNorm(const TensorVisitor &visit, const std::string &scope, Norm &norm, int64_t h)
{
    visit(scope + ".weight", {h}, Role::NormWeight, norm.weight);
    visit(scope + ".bias", {h}, Role::NormBias, norm.bias);
}

} // namespace

std::string layerScope(int layer) { return "encoder.layer." + std::to_string(layer); }

void visitEncoder(const BertConfig &c, EncoderWeights &w, const TensorVisitor &visit)
{
    const int64_t h = c.hiddenSize, e = c.embeddingWidth();
    visit("embeddings.word_embeddings.weight", {c.vocabSize, e}, Role::Embedding, w.wordEmbeddings);
    visit("embeddings.position_embeddings.weight", {c.maxPositions, e}, Role::Embedding, w.positionEmbeddings);
    visit("embeddings.token_type_embeddings.weight", {c.typeVocabSize, e}, Role::Embedding, w.typeEmbeddings);
    visitNorm(visit, "embeddings.LayerNorm", w.embeddingNorm, e);
    if (e != h)
        visitLinear(visit, "embeddings_project", w.embeddingProjection, h, e);
    w.layers.resize(size_t(c.numLayers));
    for (int i = 0; i < c.numLayers; ++i) {
        const std::string s = layerScope(i);
        LayerWeights &l = w.layers[size_t(i)];
        visitLinear(visit, s + ".attention.self.query", l.query, h, h);
        visitLinear(visit, s + ".attention.self.key", l.key, h, h);
        visitLinear(visit, s + ".attention.self.value", l.value, h, h);
        visitLinear(visit, s + ".attention.output.dense", l.attentionOutput, h, h);
        visitNorm(visit, s + ".attention.output.LayerNorm", l.attentionNorm, h);
        visitLinear(visit, s + ".intermediate.dense", l.intermediate, c.intermediateSize, h);
        visitLinear(visit, s + ".output.dense", l.output, h, c.intermediateSize);
        visitNorm(visit, s + ".output.LayerNorm", l.outputNorm, h);
    }
}

void visitMlmHead(const BertConfig &c, MlmHeadWeights &w, const TensorVisitor &visit)
{
    visitLinear(visit, "cls.predictions.transform.dense", w.transform, c.embeddingWidth(), c.hiddenSize);
    visitNorm(visit, "cls.predictions.transform.LayerNorm", w.transformNorm, c.embeddingWidth());
    visit("cls.predictions.bias", {c.vocabSize}, Role::Bias, w.bias);
}

at::Tensor resident(const at::Tensor &t)
{
    return t.defined() && !t.requires_grad() ? t.clone(at::MemoryFormat::Contiguous) : t;
}

at::Tensor applyLinear(const at::Tensor &x, const Linear &linear) { return at::linear(x, linear.weight, linear.bias); }

at::Tensor applyNorm(const at::Tensor &x, const Norm &norm, double eps)
{
    return at::layer_norm(x, {norm.weight.size(0)}, norm.weight, norm.bias, eps);
}

at::Tensor activate(const at::Tensor &x, Activation activation)
{
    switch (activation) {
    case Activation::Gelu: return at::gelu(x);
    case Activation::GeluTanh: return at::gelu(x, "tanh");
    case Activation::Relu: return at::relu(x);
    }
    return x;
}

} // namespace bertlens
