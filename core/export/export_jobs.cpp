#include "export/export_jobs.h"

#include "common/error.h"
#include "export/vector_sinks.h"
#include "export/word_sink.h"
#include "model/loaded_model.h"

namespace bertlens {

namespace {

template <class Sink> std::unique_ptr<SentenceSink> byWords(std::unique_ptr<Sink> sink, const ExportJob &job)
{
    if (!job.words)
        return sink;
    if (job.pooling != Pooling::None || job.rollout)
        throw Error(ErrorKind::Usage, "words go with token rows: not with pooling or rollout");
    return aggregateWords(std::move(sink), job.segmenter);
}

} // namespace

void exportEmbeddings(const LoadedModel &model, InputSource &inputs, const ExportJob &job)
{
    const VectorSpec spec{job.layers, job.pooling, job.normalize};
    const auto sink = byWords(job.projector ? makeProjectorSink(job.output, spec, job.centre, job.projectorOptions)
                                            : makeEmbeddingSink(job.output, spec, model.config.hiddenSize, job.centre, job.csvHeader),
                              job);
    runPipeline(model, inputs, *sink, job.run);
}

std::pair<at::Tensor, long long> centreOf(const LoadedModel &model, InputSource &inputs, const ExportJob &job)
{
    auto mean = makeMeanSink({job.layers, job.pooling, job.normalize});
    VectorMeanSink &result = *mean;
    const auto sink = byWords(std::move(mean), job);
    runPipeline(model, inputs, *sink, job.run);
    return {result.mean(), result.count()};
}

void exportAttention(const LoadedModel &model, InputSource &inputs, const ExportJob &job)
{
    const auto sink = byWords(makeAttentionSink(job.output, job.layers, job.rollout, job.csvHeader), job);
    runPipeline(model, inputs, *sink, job.run);
}

} // namespace bertlens
