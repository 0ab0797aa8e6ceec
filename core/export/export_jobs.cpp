#include "export/export_jobs.h"

#include "export/batch_runner.h"
#include "export/layer_selection.h"
#include "export/vector_sinks.h"
#include "model/loaded_model.h"

namespace bertlens {

namespace {

BatchRunOptions runOptions(const ExportJob &job)
{
    BatchRunOptions options;
    options.maxLength = job.maxLength;
    if (job.batchSize > 0)
        options.batchSize = job.batchSize;
    options.cancel = job.cancel;
    options.progress = job.progress;
    options.onTruncated = job.onTruncated;
    return options;
}

} // namespace

void exportEmbeddings(const LoadedModel &model, TextSource &source, const ExportJob &job)
{
    const auto layers = parseHiddenLayers(job.layers, model.config.numLayers);
    const auto sink = makeEmbeddingSink(job.output, layers, parsePooling(job.pooling), model.config.hiddenSize);
    runBatches(model, source, *sink, runOptions(job));
}

void exportAttention(const LoadedModel &model, TextSource &source, const ExportJob &job)
{
    const auto sink = makeAttentionSink(job.output, parseAttentionLayers(job.layers, model.config.numLayers));
    runBatches(model, source, *sink, runOptions(job));
}

} // namespace bertlens
