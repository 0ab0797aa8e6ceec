#include "pipeline/batch.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace bertlens {

Batch makeBatch(const std::vector<const Encoding *> &encodings, int padId)
{
    const auto b = int64_t(encodings.size());
    int64_t t = 0;
    for (const Encoding *e : encodings)
        t = std::max<int64_t>(t, e->size());
    Batch batch;
    batch.ids = at::full({b, t}, padId, at::kLong);
    batch.typeIds = at::zeros({b, t}, at::kLong);
    batch.mask = at::zeros({b, t}, at::kLong);
    auto ids = batch.ids.accessor<int64_t, 2>();
    auto types = batch.typeIds.accessor<int64_t, 2>();
    auto mask = batch.mask.accessor<int64_t, 2>();
    for (int64_t i = 0; i < b; ++i) {
        const Encoding &e = *encodings[size_t(i)];
        for (int j = 0; j < e.size(); ++j) {
            ids[i][j] = e.ids[size_t(j)];
            types[i][j] = e.typeIds[size_t(j)];
            mask[i][j] = 1;
        }
    }
    return batch;
}

SentenceOutput sentenceOf(const ForwardResult &result, int index, int length, const std::vector<int> &layers)
{
    SentenceOutput out;
    out.layers = layers;
    out.hidden = result.hidden.select(1, index).slice(1, 0, length);
    if (result.attentions.defined())
        out.attentions = result.attentions.select(1, index).slice(2, 0, length).slice(3, 0, length);
    return out;
}

at::Tensor SentenceOutput::layersOf(const std::vector<int> &wanted) const
{
    std::vector<int64_t> rows;
    for (int layer : wanted) {
        if (layers.empty()) {
            rows.push_back(layer);
            continue;
        }
        const auto found = std::find(layers.begin(), layers.end(), layer);
        if (found == layers.end())
            throw std::logic_error("layer " + std::to_string(layer) + " was not kept");
        rows.push_back(found - layers.begin());
    }
    return hidden.index_select(0, at::tensor(rows));
}

} // namespace bertlens
