#pragma once

#include "common/cancel.h"
#include "model/knockout.h"
#include "pipeline/batch.h"
#include "pipeline/long_inputs.h"
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
    // The hidden states add() reads (0 the embeddings .. L), in the order SentenceOutput::hidden
    // holds them; empty: all. Naming fewer keeps less in memory while results wait their turn.
    virtual std::vector<int> layers() const { return {}; }
    virtual void add(const SentenceResult &result) = 0;
    // After the last result (not called when the run fails or is cancelled).
    virtual void finish() {}
};

struct PipelineOptions {
    int maxLength = 0; // 0: the model's maximum
    // A batch holds at most batchSize inputs and batchTokens tokens, padding included. Padding
    // costs nothing in the linear layers (see BertModel), so the token count sets the work per
    // pass. 0: the fastest for the model's precision on the corpus benchmark (bench/peers,
    // README): 384 tokens in fp32 (larger batches leave the caches), 2048 in bf16.
    int batchSize = kMaxBatchSize;
    int batchTokens = 0;
    // Inputs are sorted by length within a window of this many (1: input order), so that the
    // attention products of a batch pad little. Results still reach the sink in input order.
    int sortWindow = 2048;
    // Memory bounds, whatever the options: at most kMaxBatchAttention attention cells per head
    // and layer in a batch (B·T·T) when attentions are kept, and results waiting in a window
    // take at most kMaxWindowBytes. One input alone always runs.
    static constexpr int kMaxBatchSize = 1024;
    static constexpr int kMaxBatchTokens = 16384;
    static constexpr long long kMaxBatchAttention = 1 << 19;
    static constexpr long long kMaxWindowBytes = 256ll << 20;
    // The index the first input gets in results and messages: a shard's inputs keep their
    // numbers in the whole corpus.
    long long firstIndex = 0;
    Knockout knockout; // heads and FFN blocks switched off in every forward pass
    const CancelToken *cancel = nullptr;
    ProgressFn progress; // in the source's unit, after each batch
    // A text longer than maxLength: cut (pairs always are), refused, or run as overlapping
    // windows of maxLength that share `stride` tokens and stitched (long_inputs.h; hidden states
    // only, so not for a sink that needs attentions).
    LongInputs longInputs = LongInputs::Truncate;
    int stride = 128;
    int window = 0; // with OneWindow: which window of each long text (the last when it has fewer)
    // Called for every input that had to be cut: 0-based index, tokens before and after.
    std::function<void(long long index, int length, int kept)> onTruncated;
    // Called for every input run as windows: 0-based index, its tokens, the windows.
    std::function<void(long long index, int length, int windows)> onWindows;
};

// The one path from text to results: tokenizes each input (pairs included), sorts a window of
// inputs by length, runs the encoder once per batch of similar lengths and hands every
// sentence's result to the sink in input order, then finishes the sink. Memory is bounded by
// one window of results and one batch, whatever the input's length.
void runPipeline(const LoadedModel &model, InputSource &inputs, SentenceSink &sink, const PipelineOptions &options);

} // namespace bertlens
