#pragma once

#include "io/model_folder.h"
#include "io/named_tensors.h"
#include "model/bert_config.h"
#include "model/bert_weights.h"

#include <ATen/core/Tensor.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace bertlens {

// A BERT-family checkpoint's tensors as float32 under HuggingFace BertModel names. This is where
// the checkpoint conventions live, so the file readers need not know them: a "bert.", "roberta.",
// "electra." prefix (the *ForMaskedLM classes) is removed, the old LayerNorm names gamma/beta
// become weight/bias, DistilBERT's names, RoBERTa's lm_head and ELECTRA's generator head become
// BERT's, and float tensors of any precision become F32 (an F32 tensor is kept as it is, so
// memory-mapped bytes stay in place). Tensors the encoder does not use (cls.*, pooler.*) are kept.
class Checkpoint {
public:
    Checkpoint() = default;
    Checkpoint(const NamedTensors &tensors, std::string sourceFile);

    void add(const std::string &checkpointName, at::Tensor tensor);
    bool contains(const std::string &name) const { return m_tensors.count(name) > 0; }
    // The tensor with exactly this shape; a model error names the tensor, the file and both
    // shapes otherwise.
    at::Tensor get(const std::string &name, const std::vector<int64_t> &shape) const;
    const std::map<std::string, at::Tensor> &tensors() const { return m_tensors; }

    // Where the tensors came from, for messages and `info`.
    const std::string &sourceFile() const { return m_sourceFile; }
    // The float precisions found in the file: "F32", "F16", "F16+F32"...
    std::string storedDtype() const;

    static std::string canonicalName(const std::string &checkpointName);

private:
    std::map<std::string, at::Tensor> m_tensors;
    std::set<std::string> m_storedFloatTypes;
    std::string m_sourceFile;
};

// Reads the folder's weights file(s) into a checkpoint.
Checkpoint readCheckpoint(const ModelFolder &folder);

// The encoder's tensors, each shape checked against the config; a checkpoint holding layers
// beyond num_hidden_layers is refused too.
EncoderWeights encoderWeights(const BertConfig &config, const Checkpoint &checkpoint);
// The masked-language-model head, or false with the reason in `missing` when the checkpoint has
// none (a plain BertModel or sentence-transformers checkpoint); a head of the wrong shape is a
// model error. The decoder stays undefined when it is tied to the word embeddings.
bool mlmHeadWeights(const BertConfig &config, const Checkpoint &checkpoint, MlmHeadWeights &weights, std::string *missing);

} // namespace bertlens
