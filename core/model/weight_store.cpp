#include "model/weight_store.h"

#include "common/error.h"

#include <ATen/ATen.h>

namespace bertlens {

std::string shapeToString(at::IntArrayRef shape)
{
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

std::string WeightStore::canonicalName(const std::string &checkpointName)
{
    std::string name = checkpointName;
    const std::string prefix = "bert.";
    if (name.compare(0, prefix.size(), prefix) == 0)
        name = name.substr(prefix.size());
    auto replaceSuffix = [&name](const std::string &from, const std::string &to) {
        if (name.size() >= from.size() && name.compare(name.size() - from.size(), from.size(), from) == 0)
            name = name.substr(0, name.size() - from.size()) + to;
    };
    replaceSuffix("LayerNorm.gamma", "LayerNorm.weight");
    replaceSuffix("LayerNorm.beta", "LayerNorm.bias");
    return name;
}

void WeightStore::add(const std::string &checkpointName, at::Tensor tensor)
{
    if (at::isFloatingType(tensor.scalar_type())) {
        m_storedFloatTypes.insert(tensor.scalar_type() == at::kFloat      ? "F32"
                                  : tensor.scalar_type() == at::kHalf     ? "F16"
                                  : tensor.scalar_type() == at::kBFloat16 ? "BF16"
                                                                          : "F64");
        if (tensor.scalar_type() != at::kFloat)
            tensor = tensor.to(at::kFloat);
    }
    m_tensors[canonicalName(checkpointName)] = std::move(tensor);
}

std::string WeightStore::storedDtype() const
{
    std::string joined;
    for (const auto &t : m_storedFloatTypes)
        joined += (joined.empty() ? "" : "+") + t;
    return joined;
}

at::Tensor WeightStore::get(const std::string &name, const std::vector<int64_t> &shape) const
{
    const auto it = m_tensors.find(name);
    if (it == m_tensors.end())
        throw modelError(sourceFile + ": tensor " + name + " is missing (expected shape " + shapeToString(shape) + ")");
    if (it->second.sizes() != at::IntArrayRef(shape))
        throw modelError(sourceFile + ": tensor " + name + " has shape " + shapeToString(it->second.sizes())
                         + ", but config.json implies " + shapeToString(shape));
    return it->second;
}

} // namespace bertlens
