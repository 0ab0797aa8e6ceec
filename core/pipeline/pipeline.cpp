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
    if (options.longInputs == LongInputs::Windows && options.stride < 0)
        throw Error(ErrorKind::Usage, "the stride of overlapping windows must not be negative");
    if (options.sortWindow < 1)
        throw Error(ErrorKind::Usage, "the sort window must hold at least one input");
}

struct Pending {
    SentenceInput input;
    Encoding encoding;
    SentenceOutput output;
    InputWindows windows; // of a text run as windows (then encoding is the whole text)
    std::vector<SentenceOutput> windowOutputs;
};

// One forward-pass input of a window of pending inputs: an input, or one window of it.
struct Unit {
    size_t pending;
    int window; // -1: the input's own encoding
    const Encoding *encoding;
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

    if (options.longInputs == LongInputs::Windows && forward.attentions)
        throw Error(ErrorKind::Usage, "overlapping windows give hidden states only: attention maps do not cross windows");

    std::vector<Pending> window;
    long long first = options.firstIndex, windowBytes = 0, unitsBefore = inputs.done();
    auto runWindow = [&]() {
        std::vector<Unit> units;
        for (size_t p = 0; p < window.size(); ++p) {
            if (window[p].windows.windows.empty())
                units.push_back({p, -1, &window[p].encoding});
            for (size_t k = 0; k < window[p].windows.windows.size(); ++k)
                units.push_back({p, int(k), &window[p].windows.windows[k]});
        }
        std::stable_sort(units.begin(), units.end(), [](const Unit &a, const Unit &b) { return a.encoding->size() < b.encoding->size(); });
        long long tokens = 0, tokensDone = 0;
        for (const Unit &u : units)
            tokens += u.encoding->size();
        const long long unitsAfter = inputs.done();
        for (size_t begin = 0, end = 0; begin < units.size(); begin = end) {
            for (end = begin + 1; end < units.size() && fits((long long)(end - begin + 1), units[end].encoding->size()); ++end) {
            }
            std::vector<const Encoding *> batch;
            for (size_t i = begin; i < end; ++i)
                batch.push_back(units[i].encoding);
            const ForwardResult result = model.encoder->forward(makeBatch(batch, model.tokenizer->padId()), forward);
            for (size_t i = begin; i < end; ++i) {
                Pending &p = window[units[i].pending];
                const SentenceOutput view = sentenceOf(result, int(i - begin), units[i].encoding->size(), forward.layers);
                SentenceOutput kept{view.hidden.clone(), view.attentions.defined() ? view.attentions.clone() : at::Tensor(), view.layers};
                if (units[i].window < 0)
                    p.output = std::move(kept);
                else
                    p.windowOutputs[size_t(units[i].window)] = std::move(kept);
                tokensDone += units[i].encoding->size();
            }
            if (options.progress)
                options.progress(unitsBefore + (unitsAfter - unitsBefore) * tokensDone / std::max(tokens, 1ll), inputs.total());
        }
        for (Pending &p : window)
            if (!p.windows.windows.empty()) {
                p.output = stitchWindows(p.encoding, p.windows, p.windowOutputs);
                p.windowOutputs.clear();
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
        const bool whole = options.longInputs != LongInputs::Truncate && !input.hasPair;
        Encoding encoding = encodeInput(*model.tokenizer, input, whole ? 0 : maxLength, index, inputs.name());
        InputWindows windows;
        if (whole && encoding.size() > maxLength) {
            if (options.longInputs == LongInputs::Refuse)
                throw inputError((inputs.name().empty() ? "" : inputs.name() + ": ") + "line " + std::to_string(index + 1)
                                 + ": " + std::to_string(encoding.size()) + " tokens, more than the " + std::to_string(maxLength)
                                 + " the model takes");
            if (options.longInputs == LongInputs::OneWindow) {
                encoding = oneWindow(*model.tokenizer, encoding, maxLength, options.stride, options.window);
                if (options.onWindows)
                    options.onWindows(index, encoding.untruncatedLength, encoding.windows);
            } else {
                windows = splitIntoWindows(*model.tokenizer, encoding, maxLength, options.stride);
                if (options.onWindows)
                    options.onWindows(index, encoding.size(), int(windows.windows.size()));
            }
        }
        if (encoding.truncated && options.onTruncated)
            options.onTruncated(index, encoding.untruncatedLength, encoding.size());
        long long bytes = bytesOf(encoding.size());
        for (const Encoding &w : windows.windows)
            bytes += bytesOf(w.size());
        if (!window.empty() && (int(window.size()) >= options.sortWindow || windowBytes + bytes > PipelineOptions::kMaxWindowBytes))
            runWindow();
        windowBytes += bytes;
        const size_t count = windows.windows.size();
        window.push_back({std::move(input), std::move(encoding), {}, std::move(windows), std::vector<SentenceOutput>(count)});
    }
    if (!window.empty())
        runWindow();
    sink.finish();
}

} // namespace bertlens
