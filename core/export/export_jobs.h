#pragma once

#include "analysis/pooling_mode.h"
#include "export/vector_sinks.h"
#include "pipeline/pipeline.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;
class ChineseSegmenter;

// An export as the CLI and the window run it; options are parsed already (the CLI parser and
// the export dialog do that, with parseHiddenLayers / parseAttentionLayers and parsePooling).
struct ExportJob {
    std::string output;
    std::vector<int> layers; // hidden states 0..L, or attention layers 1..L
    Pooling pooling = Pooling::None;
    bool normalize = false; // L2-normalise every vector (sentence-transformers' Normalize)
    bool rollout = false; // attention: the rollout of each layer instead of every head's map
    bool words = false;   // rows are words, not tokens (pooling none; not with rollout)
    const ChineseSegmenter *segmenter = nullptr; // groups Chinese characters into words when given
    at::Tensor centre; // [layers, H] subtracted from every vector written (see centreOf), or undefined
    bool csvHeader = true; // false for a shard after the first: the shards' CSVs concatenated are one export
    bool projector = false; // output is an Embedding Projector folder (vector_sinks.h)
    ProjectorOptions projectorOptions;
    PipelineOptions run;
};

void exportEmbeddings(const LoadedModel &model, InputSource &inputs, const ExportJob &job);
// The mean of the vectors exportEmbeddings would write for these inputs (a first pass, for
// --center), and how many vectors it averages per layer.
std::pair<at::Tensor, long long> centreOf(const LoadedModel &model, InputSource &inputs, const ExportJob &job);
void exportAttention(const LoadedModel &model, InputSource &inputs, const ExportJob &job);

} // namespace bertlens
