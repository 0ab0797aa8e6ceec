#include "pipeline/pipeline.h"

#include "common/error.h"
#include "model/loaded_model.h"
#include "model/knockout_hook.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <numeric>

namespace bertlens {

namespace {

Encoding encodeInput(const Tokenizer &tokenizer, const SentenceInput &input, int maxLength, long long index,
                     const std::string &source)
{
    try {
        return input.hasPair ? tokenizer.encodePair(input.text, input.pair, maxLength) : tokenizer.encode(input.text, maxLength);
    } catch (const Error &e) {
        throw Error(e.kind(), (source.empty() ? "" : source + ": ") + "line " + std::to_string(index + 1) + ": " + e.what());
    }
}

void checkOptions(const PipelineOptions &options, int maxLength, const LoadedModel &model)
{
    if (maxLength > model.config.maxPositions)
        throw Error(ErrorKind::Usage, "max length " + std::to_string(maxLength) + " exceeds the model's max_position_embeddings "
                                          + std::to_string(model.config.maxPositions));
    if (options.batchSize < 1 || options.batchSize > PipelineOptions::kMaxBatchSize)
        throw Error(ErrorKind::Usage, "batch size must be between 1 and " + std::to_string(PipelineOptions::kMaxBatchSize));
    if (options.batchTokens < 0 || options.batchTokens > PipelineOptions::kMaxBatchTokens)
        throw Error(ErrorKind::Usage, "batch tokens must be between 1 and " + std::to_string(PipelineOptions::kMaxBatchTokens));
    if (options.sortWindow < 1)
        throw Error(ErrorKind::Usage, "the sort window must hold at least one input");
}

struct Pending {
    SentenceInput input;
    Encoding encoding;
    SentenceOutput output;
};

} // namespace

void runPipeline(const LoadedModel &model, InputSource &inputs, SentenceSink &sink, const PipelineOptions &options)
{
    c10::InferenceMode inferenceMode;
    const int maxLength = options.maxLength > 0 ? options.maxLength : model.maxLength;
    checkOptions(options, maxLength, model);
    ForwardOptions forward;
    forward.attentions = sink.needsAttentions();
    forward.layers = sink.layers();
    forward.cancel = options.cancel;
    options.knockout.check(model.config.numLayers, model.config.numHeads);
    KnockoutHook knockout(options.knockout);
    if (!options.knockout.empty())
        forward.hooks.push_back(&knockout);
    const long long batchTokens = options.batchTokens ? options.batchTokens
                                  : model.encoder->precision() == Precision::BFloat16 ? 2048 : 384;
    const long long keptLayers = forward.layers.empty() ? model.config.numLayers + 1 : (long long)forward.layers.size();
    // What one input's results occupy while they wait for the window to be written.
    auto bytesOf = [&](long long t) {
        long long floats = keptLayers * t * model.config.hiddenSize;
        if (forward.attentions)
            floats += (long long)model.config.numLayers * model.config.numHeads * t * t;
        return 4 * floats;
    };
    // Whether `count` inputs, the longest `longest` tokens, fit one batch.
    auto fits = [&](long long count, long long longest) {
        return count <= options.batchSize && count * longest <= batchTokens
               && (!forward.attentions || count * longest * longest <= PipelineOptions::kMaxBatchAttention);
    };

    std::vector<Pending> window;
    long long first = options.firstIndex, windowBytes = 0, unitsBefore = inputs.done();
    auto runWindow = [&]() {
        std::vector<size_t> order(window.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return window[a].encoding.size() < window[b].encoding.size(); });
        long long tokens = 0, tokensDone = 0;
        for (const Pending &p : window)
            tokens += p.encoding.size();
        const long long unitsAfter = inputs.done();
        for (size_t begin = 0, end = 0; begin < order.size(); begin = end) {
            for (end = begin + 1; end < order.size() && fits((long long)(end - begin + 1), window[order[end]].encoding.size()); ++end) {
            }
            std::vector<const Encoding *> batch;
            for (size_t i = begin; i < end; ++i)
                batch.push_back(&window[order[i]].encoding);
            const ForwardResult result = model.encoder->forward(makeBatch(batch, model.tokenizer->padId()), forward);
            for (size_t i = begin; i < end; ++i) {
                Pending &p = window[order[i]];
                const SentenceOutput view = sentenceOf(result, int(i - begin), p.encoding.size(), forward.layers);
                p.output = {view.hidden.clone(), view.attentions.defined() ? view.attentions.clone() : at::Tensor(), view.layers};
                tokensDone += p.encoding.size();
            }
            if (options.progress)
                options.progress(unitsBefore + (unitsAfter - unitsBefore) * tokensDone / std::max(tokens, 1ll), inputs.total());
        }
        for (size_t i = 0; i < window.size(); ++i)
            sink.add({first + (long long)i, window[i].input, window[i].encoding, window[i].output});
        first += (long long)window.size();
        window.clear();
        windowBytes = 0;
        unitsBefore = unitsAfter;
    };

    SentenceInput input;
    while (inputs.next(input)) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const long long index = first + (long long)window.size();
        Encoding encoding = encodeInput(*model.tokenizer, input, maxLength, index, inputs.name());
        if (encoding.truncated && options.onTruncated)
            options.onTruncated(index, encoding.untruncatedLength, encoding.size());
        const long long bytes = bytesOf(encoding.size());
        if (!window.empty() && (int(window.size()) >= options.sortWindow || windowBytes + bytes > PipelineOptions::kMaxWindowBytes))
            runWindow();
        windowBytes += bytes;
        window.push_back({std::move(input), std::move(encoding), {}});
    }
    if (!window.empty())
        runWindow();
    sink.finish();
}

} // namespace bertlens
