#pragma once

#include "common/cancel.h"

#include <functional>
#include <string>

namespace bertlens {

struct LoadedModel;
class TextSource;

// The embed and attention exports as the CLI runs them, for any front end. `layers` and
// `pooling` are the CLI's spellings ("all", "0,4,-1"; "none", "cls", "mean", "max").
struct ExportJob {
    std::string output;
    std::string layers = "all";
    std::string pooling = "none";
    int maxLength = 0; // 0: the model's maximum
    int batchSize = 0; // 0: the default of BatchRunOptions
    const CancelToken *cancel = nullptr;
    ProgressFn progress;
    std::function<void(long long sentence, int length, int kept)> onTruncated;
};

void exportEmbeddings(const LoadedModel &model, TextSource &source, const ExportJob &job);
void exportAttention(const LoadedModel &model, TextSource &source, const ExportJob &job);

} // namespace bertlens
