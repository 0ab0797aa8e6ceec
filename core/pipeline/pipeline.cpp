#include "pipeline/pipeline.h"

#include "common/error.h"
#include "model/loaded_model.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>

namespace bertlens {

namespace {

Encoding encodeInput(const BertTokenizer &tokenizer, const SentenceInput &input, int maxLength, long long index,
                     const std::string &source)
{
    try {
        return input.hasPair ? tokenizer.encodePair(input.text, input.pair, maxLength) : tokenizer.encode(input.text, maxLength);
    } catch (const Error &e) {
        throw Error(e.kind(), (source.empty() ? "" : source + ": ") + "line " + std::to_string(index + 1) + ": " + e.what());
    }
}

} // namespace

void runPipeline(const LoadedModel &model, InputSource &inputs, SentenceSink &sink, const PipelineOptions &options)
{
    c10::InferenceMode inferenceMode;
    const int maxLength = options.maxLength > 0 ? options.maxLength : model.maxLength;
    if (maxLength > model.config.maxPositions)
        throw Error(ErrorKind::Usage, "max length " + std::to_string(maxLength) + " exceeds the model's max_position_embeddings "
                                          + std::to_string(model.config.maxPositions));
    if (options.batchSize < 1 || options.batchSize > PipelineOptions::kMaxBatchSize)
        throw Error(ErrorKind::Usage, "batch size must be between 1 and " + std::to_string(PipelineOptions::kMaxBatchSize));
    ForwardOptions forward;
    forward.attentions = sink.needsAttentions();
    forward.cancel = options.cancel;

    std::vector<SentenceInput> batchInputs;
    std::vector<Encoding> encodings;
    long long first = 0;
    auto flush = [&]() {
        if (encodings.empty())
            return;
        std::vector<const Encoding *> pointers;
        for (const auto &e : encodings)
            pointers.push_back(&e);
        const ForwardResult result = model.encoder->forward(makeBatch(pointers, model.tokenizer->padId()), forward);
        for (size_t i = 0; i < encodings.size(); ++i)
            sink.add({first + (long long)i, batchInputs[i], encodings[i], sentenceOf(result, int(i), encodings[i].size())});
        first += (long long)encodings.size();
        encodings.clear();
        batchInputs.clear();
        if (options.progress)
            options.progress(inputs.done(), inputs.total());
    };

    // Whether one more input of `length` tokens still fits the batch's memory bounds.
    long long longest = 0;
    auto fits = [&](long long length) {
        const long long t = std::max(longest, length), b = (long long)encodings.size() + 1;
        return b * t <= PipelineOptions::kMaxBatchTokens && (!forward.attentions || b * t * t <= PipelineOptions::kMaxBatchAttention);
    };

    SentenceInput input;
    while (inputs.next(input)) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const long long index = first + (long long)encodings.size();
        Encoding encoding = encodeInput(*model.tokenizer, input, maxLength, index, inputs.name());
        if (!encodings.empty() && !fits(encoding.size())) {
            flush();
            longest = 0;
        }
        longest = std::max<long long>(longest, encoding.size());
        encodings.push_back(std::move(encoding));
        batchInputs.push_back(std::move(input));
        const Encoding &last = encodings.back();
        if (last.truncated && options.onTruncated)
            options.onTruncated(index, last.untruncatedLength, last.size());
        if (int(encodings.size()) == options.batchSize) {
            flush();
            longest = 0;
        }
    }
    flush();
    sink.finish();
}

} // namespace bertlens
