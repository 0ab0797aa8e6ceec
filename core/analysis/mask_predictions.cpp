#include "analysis/mask_predictions.h"

#include "common/error.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"

#include <ATen/ATen.h>

namespace bertlens {

namespace {

std::vector<TokenPrediction> topOf(const at::Tensor &probabilities, int k, const Tokenizer &tokenizer) // [V] float64
{
    const auto [values, ids] = probabilities.topk(std::min<int64_t>(k, probabilities.size(0)));
    std::vector<TokenPrediction> out;
    for (int64_t i = 0; i < ids.size(0); ++i) {
        const int id = int(ids[i].item<int64_t>());
        out.push_back({id, tokenizer.label(id), values[i].item<double>()});
    }
    return out;
}

} // namespace

std::vector<TokenPrediction> predictTokens(const LoadedModel &model, const std::vector<float> &hidden, int topK)
{
    if (!model.mlmHead)
        throw modelError(model.mlmHeadMissing);
    const at::Tensor vector = at::from_blob(const_cast<float *>(hidden.data()), {int64_t(hidden.size())}, at::kFloat);
    return topOf(at::softmax(model.mlmHead->logits(vector).to(at::kDouble), -1), topK, *model.tokenizer);
}

std::vector<MaskPrediction> predictMasks(const LoadedModel &model, const Encoding &encoding, const SentenceOutput &output,
                                         int topK, bool allLayers)
{
    if (!model.mlmHead)
        throw modelError(model.mlmHeadMissing);
    if (topK < 1)
        throw Error(ErrorKind::Usage, "top-k must be at least 1");
    const Tokenizer &tokenizer = *model.tokenizer;
    std::vector<int64_t> positions;
    for (int i : encoding.positionsOf(TokenRole::Mask))
        positions.push_back(i);
    std::vector<MaskPrediction> out(positions.size());
    if (positions.empty())
        return out;
    const at::Tensor index = at::tensor(positions);
    // [layers, masks, V]: the head on the chosen layers' vectors at the masked positions.
    const at::Tensor hidden = allLayers ? output.hidden : output.hidden.slice(0, -1);
    const at::Tensor probabilities = at::softmax(model.mlmHead->logits(hidden.index_select(1, index)).to(at::kDouble), -1);
    const int64_t last = probabilities.size(0) - 1;
    for (size_t m = 0; m < positions.size(); ++m) {
        out[m].index = int(positions[m]);
        out[m].top = topOf(probabilities[last][long(m)], topK, tokenizer);
        if (allLayers)
            for (int64_t l = 0; l <= last; ++l)
                out[m].layers.push_back(topOf(probabilities[l][long(m)], topK, tokenizer));
    }
    return out;
}

} // namespace bertlens
