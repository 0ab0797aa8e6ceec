#include "analysis/head_importance.h"

#include "analysis/explain_target.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"
#include "model/knockout_hook.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

namespace bertlens {

HeadImportance headImportance(const LoadedModel &model, const ExplainRequest &request, const CancelToken *cancel,
                              const ProgressFn &progress)
{
    c10::InferenceMode inference;
    const ExplainTarget target(model, request);
    const BertModel &encoder = *model.encoder;
    const MlmHead *head = model.mlmHead.get();
    const int numLayers = model.config.numLayers, numHeads = model.config.numHeads;
    const int readout = target.readoutLayer();

    // Every layer's output, once per text, with the request's knock-outs.
    std::vector<at::Tensor> states, base;
    for (int text = 0; text < target.texts(); ++text) {
        const Encoding &e = target.encoding(text);
        ForwardOptions options;
        options.cancel = cancel;
        KnockoutHook knockout(request.knockout);
        options.hooks = {&knockout};
        states.push_back(encoder.forward(makeBatch({&e}, model.tokenizer->padId()), options).hidden); // [L+1, 1, T, H]
        base.push_back(target.readout(states.back()[readout], head));
    }
    auto f = [&](const std::vector<at::Tensor> &out) { return target.combine(out[0], out.size() > 1 ? out[1] : out[0]); };

    HeadImportance result;
    result.heads = Matrix(numLayers, numHeads);
    result.ffn.assign(size_t(numLayers), 0.0);
    result.target = f(base).item<double>();
    result.maskPosition = target.maskPosition();
    result.tokenId = target.tokenId();
    // Row h knocks out head h of the layer; the last row its FFN.
    for (int layer = 1; layer <= readout; ++layer) {
        std::vector<Knockout> perRow(size_t(numHeads + 1));
        for (int h = 0; h < numHeads; ++h)
            perRow[size_t(h)].heads.insert({layer, h});
        perRow.back().ffn.insert(layer);
        KnockoutHook knockouts({}, perRow);
        std::vector<at::Tensor> out;
        for (int text = 0; text < target.texts(); ++text) {
            ForwardOptions options;
            options.cancel = cancel;
            options.hooks = {&knockouts};
            options.startLayer = layer - 1;
            options.startHidden = states[size_t(text)][layer - 1].expand({numHeads + 1, -1, -1}).contiguous();
            out.push_back(target.run(text, encoder, head, target.ids(text, numHeads + 1), {}, options));
        }
        const at::Tensor scores = (result.target - f(out)).to(at::kDouble).contiguous();
        for (int h = 0; h < numHeads; ++h)
            result.heads.at(layer - 1, h) = float(scores[h].item<double>());
        result.ffn[size_t(layer - 1)] = scores[numHeads].item<double>();
        if (progress)
            progress(layer, readout);
    }
    return result;
}

} // namespace bertlens
