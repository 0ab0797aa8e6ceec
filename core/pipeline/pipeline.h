#pragma once

#include "common/cancel.h"
#include "pipeline/batch.h"
#include "pipeline/sentence_input.h"
#include "tokenizer/encoding.h"

#include <functional>

namespace bertlens {

struct LoadedModel;

// What the model computed for one input, handed to a sink in input order.
struct SentenceResult {
    long long index; // 0-based position in the input
    const SentenceInput &input;
    const Encoding &encoding;
    SentenceOutput output; // unpadded; valid only during the call
};

// Where results go: the window's analysis, a CSV or NPY file. A new output is a new sink.
class SentenceSink {
public:
    virtual ~SentenceSink() = default;
    virtual bool needsAttentions() const { return false; }
    virtual void add(const SentenceResult &result) = 0;
    // After the last result (not called when the run fails or is cancelled).
    virtual void finish() {}
};

struct PipelineOptions {
    int maxLength = 0; // 0: the model's maximum
    int batchSize = 4; // best tokens/s for bert-base on 2 cores (bench/bench_forward); at most kMaxBatchSize
    // Memory bounds, whatever the batch size: a batch holds at most this many padded tokens, and
    // (when attentions are kept) at most kMaxBatchAttention cells per head and layer (B·T·T).
    // One input alone always runs.
    static constexpr int kMaxBatchSize = 1024;
    static constexpr long long kMaxBatchTokens = 16384;
    static constexpr long long kMaxBatchAttention = 1 << 19;
    const CancelToken *cancel = nullptr;
    ProgressFn progress; // in the source's unit, after each batch
    // Called for every input that had to be cut: 0-based index, tokens before and after.
    std::function<void(long long index, int length, int kept)> onTruncated;
};

// The one path from text to results: tokenizes each input (pairs included), runs the encoder
// once per batch and hands every sentence's result to the sink in input order, then finishes
// the sink. Memory is bounded by one batch.
void runPipeline(const LoadedModel &model, InputSource &inputs, SentenceSink &sink, const PipelineOptions &options);

} // namespace bertlens
