#pragma once

#include "io/model_folder.h"
#include "model/bert_config.h"
#include "model/bert_model.h"
#include "model/checkpoint.h"
#include "model/mlm_head.h"
#include "model/model_summary.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <mutex>
#include <string>

namespace bertlens {

// A folder's tokenizer and what bounds its inputs, without the weights (a folder of tokenizer
// files and config.json is enough).
struct LoadedTokenizer {
    ModelFolder folder;
    BertConfig config;
    std::unique_ptr<Tokenizer> tokenizer;
    int maxLength = 0; // the longest input the model takes, special tokens included

    static LoadedTokenizer load(const std::string &dir, bool weights = false);
};

// Everything read from one model folder: config, tokenizer, encoder and (when the checkpoint has
// one) the masked-language-model head. Immutable once loaded, so one instance can be shared by
// several threads.
struct LoadedModel {
    ModelFolder folder;
    BertConfig config;
    std::unique_ptr<Tokenizer> tokenizer;
    // The encoder's tensors live in the encoder, prepared for its precision; the checkpoint's own
    // tensors are not kept, so no second copy of the weights stays resident.
    std::string weightsDtype;       // as stored: "F32", "F16+F32"...
    long long encoderParameters = 0;
    std::unique_ptr<BertModel> encoder;
    std::unique_ptr<MlmHead> mlmHead; // null when the checkpoint has none:
    std::string mlmHeadMissing;       // then why, for a tooltip or a message
    int maxLength = 0;                // the longest input the model takes, special tokens included

    static std::shared_ptr<const LoadedModel> load(const std::string &dir, Precision precision = Precision::Float32);
    std::string name() const;

    // The same weights in float32 with plain kernels, so that autograd can flow through them
    // (gradient attribution): read again from the folder on first use and kept. The packed
    // encoder above cannot be differentiated. Safe to call from several threads.
    struct Differentiable {
        std::unique_ptr<BertModel> encoder;
        std::unique_ptr<MlmHead> mlmHead; // null when the checkpoint has none
    };
    const Differentiable &differentiable() const;

private:
    mutable std::once_flag m_differentiableOnce;
    mutable std::unique_ptr<Differentiable> m_differentiable;
};

} // namespace bertlens
