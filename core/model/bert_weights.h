#pragma once

#include "model/bert_config.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bertlens {

// BERT's parameters under HuggingFace's names, described once: visitEncoder and visitMlmHead
// are the only places that name a tensor or give its shape. The forward pass, the checkpoint
// loader, the random-model writer and the trainer all fill or read these structs through them.

struct Linear {
    at::Tensor weight; // [out, in]
    at::Tensor bias;   // [out]
};

struct Norm {
    at::Tensor weight, bias; // [H]
};

struct LayerWeights {
    Linear query, key, value, attentionOutput;
    Norm attentionNorm;
    Linear intermediate, output;
    Norm outputNorm;
};

struct EncoderWeights {
    at::Tensor wordEmbeddings;     // [V, E] (E: the embedding width, H but for ELECTRA)
    at::Tensor positionEmbeddings; // [P, E]
    at::Tensor typeEmbeddings;     // [types, E]
    Norm embeddingNorm;            // [E]
    Linear embeddingProjection;    // ELECTRA's E → H; undefined when E = H
    std::vector<LayerWeights> layers;
};

// BertForMaskedLM's cls.predictions (RoBERTa's lm_head, ELECTRA's generator head): dense (H → E)
// → activation → LayerNorm → decoder + bias.
struct MlmHeadWeights {
    Linear transform;
    Norm transformNorm;
    at::Tensor bias; // [V]
    // [V, E]; most checkpoints tie it to the word embeddings and store no tensor of their own.
    at::Tensor decoder;
};

// What a tensor is, for initialisers (BERT initialises each kind differently).
enum class TensorRole { Embedding, Weight, Bias, NormWeight, NormBias };

// Called once per tensor with its name (no "bert." prefix), shape, role and the slot to fill or read.
using TensorVisitor =
    std::function<void(const std::string &name, const std::vector<int64_t> &shape, TensorRole role, at::Tensor &slot)>;

// Embeddings, then every layer in order (weights.layers is resized to config.numLayers).
void visitEncoder(const BertConfig &config, EncoderWeights &weights, const TensorVisitor &visit);
// The head without its optional decoder (see kMlmDecoderWeight).
void visitMlmHead(const BertConfig &config, MlmHeadWeights &weights, const TensorVisitor &visit);

// The decoder's own weight, present only in checkpoints that do not tie it; older checkpoints
// store the output bias only as the decoder's.
inline constexpr const char *kMlmDecoderWeight = "cls.predictions.decoder.weight";
inline constexpr const char *kMlmDecoderBias = "cls.predictions.decoder.bias";
// "encoder.layer.N", the scope of layer N (0-based).
std::string layerScope(int layer);

// A contiguous copy in memory the process owns, for a tensor a model keeps: once a model is
// built, nothing refers to the checkpoint's file mapping, which is then released (no second
// copy of the weights stays resident). Tensors under autograd (the trainer) stay as they are.
at::Tensor resident(const at::Tensor &t);

// The arithmetic both the encoder and the heads use.
at::Tensor applyLinear(const at::Tensor &x, const Linear &linear);
at::Tensor applyNorm(const at::Tensor &x, const Norm &norm, double eps);
at::Tensor activate(const at::Tensor &x, Activation activation);

} // namespace bertlens
