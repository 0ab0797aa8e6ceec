#pragma once

#include "common/cancel.h"

#include <functional>

namespace bertlens {

struct LoadedModel;
class ResultSink;
class TextSource;

struct BatchRunOptions {
    int maxLength = 0;  // 0: the model's maximum
    int batchSize = 4; // best tokens/s for bert-base on 2 cores (bench/bench_forward)
    const CancelToken *cancel = nullptr;
    ProgressFn progress; // in the source's unit
    // Called for every input that had to be cut: 0-based sentence index, tokens before and after.
    std::function<void(long long sentence, int length, int kept)> onTruncated;
};

// Tokenizes the source's texts, runs them through the encoder in padded batches and hands each
// sentence's output to the sink in input order. Memory is bounded by one batch. The CLI's embed
// and attention commands and the GUI's exports all go through here, so they agree byte for byte.
void runBatches(const LoadedModel &model, TextSource &source, ResultSink &sink, const BatchRunOptions &options);

} // namespace bertlens
