#include "export/export_jobs.h"

#include "export/vector_sinks.h"
#include "model/loaded_model.h"

namespace bertlens {

void exportEmbeddings(const LoadedModel &model, InputSource &inputs, const ExportJob &job)
{
    const auto sink = makeEmbeddingSink(job.output, job.layers, job.pooling, model.config.hiddenSize);
    runPipeline(model, inputs, *sink, job.run);
}

void exportAttention(const LoadedModel &model, InputSource &inputs, const ExportJob &job)
{
    const auto sink = makeAttentionSink(job.output, job.layers, job.rollout);
    runPipeline(model, inputs, *sink, job.run);
}

} // namespace bertlens
