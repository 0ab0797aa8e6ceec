#pragma once

#include <ATen/core/Tensor.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace bertlens {

// All tensors of a checkpoint, as float32, under HuggingFace BertModel names: a "bert." prefix
// (BertForMaskedLM / BertForPreTraining checkpoints) is removed and the old LayerNorm names
// gamma/beta become weight/bias. Tensors the encoder does not use (cls.*, pooler.*) are kept.
class WeightStore {
public:
    // Float tensors of any precision are converted to F32 (an F32 tensor is kept as it is, so
    // memory-mapped bytes stay in place); the stored precision is remembered for `info`.
    void add(const std::string &checkpointName, at::Tensor tensor);

    bool contains(const std::string &name) const { return m_tensors.count(name) > 0; }
    // The tensor with exactly this shape; a model error names the tensor, the file and both
    // shapes otherwise.
    at::Tensor get(const std::string &name, const std::vector<int64_t> &shape) const;
    const std::map<std::string, at::Tensor> &tensors() const { return m_tensors; }

    // Where the tensors came from, for messages and `info`.
    std::string sourceFile;
    // The float precisions found in the file: "F32", "F16", "F16+F32"...
    std::string storedDtype() const;

    static std::string canonicalName(const std::string &checkpointName);

private:
    std::map<std::string, at::Tensor> m_tensors;
    std::set<std::string> m_storedFloatTypes;
};

std::string shapeToString(at::IntArrayRef shape);

} // namespace bertlens
