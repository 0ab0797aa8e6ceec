#include "export/batch_runner.h"

#include "common/error.h"
#include "export/vector_sinks.h"
#include "io/text_source.h"
#include "model/batching.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

namespace bertlens {

void runBatches(const LoadedModel &model, TextSource &source, ResultSink &sink, const BatchRunOptions &options)
{
    c10::InferenceMode inferenceMode;
    const int maxLength = options.maxLength > 0 ? options.maxLength : model.maxLength;
    if (maxLength > model.config.maxPositions)
        throw Error(ErrorKind::Usage, "max length " + std::to_string(maxLength) + " exceeds the model's max_position_embeddings "
                                          + std::to_string(model.config.maxPositions));
    if (options.batchSize < 1)
        throw Error(ErrorKind::Usage, "batch size must be at least 1");
    ForwardOptions forward;
    forward.attentions = sink.needsAttentions();
    forward.cancel = options.cancel;

    std::vector<Encoding> encodings;
    long long firstSentence = 0;
    auto flush = [&]() {
        if (encodings.empty())
            return;
        std::vector<const Encoding *> pointers;
        for (const auto &e : encodings)
            pointers.push_back(&e);
        const ForwardResult result = model.encoder->forward(makeBatch(pointers, model.tokenizer->padId()), forward);
        for (size_t i = 0; i < encodings.size(); ++i)
            sink.add(int(firstSentence + long(i)), encodings[i], sentenceOf(result, int(i), encodings[i].size()));
        firstSentence += long(encodings.size());
        encodings.clear();
        if (options.progress)
            options.progress(source.done(), source.total());
    };

    std::string text;
    while (source.next(text)) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const long long sentence = firstSentence + long(encodings.size());
        try {
            encodings.push_back(model.tokenizer->encode(text, maxLength));
        } catch (const Error &e) {
            throw Error(e.kind(), "line " + std::to_string(sentence + 1) + ": " + e.what());
        }
        const Encoding &last = encodings.back();
        if (last.truncated && options.onTruncated)
            options.onTruncated(sentence, last.untruncatedLength, last.size());
        if (int(encodings.size()) == options.batchSize)
            flush();
    }
    flush();
    sink.finish();
}

} // namespace bertlens
