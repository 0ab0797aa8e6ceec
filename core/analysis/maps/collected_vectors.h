#pragma once

#include "analysis/pooling_mode.h"
#include "pipeline/pipeline.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;

// The vectors a map of a file's sentences or tokens is made of, at one layer, with what each row is.
struct CollectedVectors {
    at::Tensor rows;                 // [N, H] float32
    std::vector<long long> sentence; // the row's input (0-based)
    std::vector<int> token;          // its position ([CLS] = 0), −1 for a sentence vector
    std::vector<std::string> text;   // the token as the window labels it, or the input's text
};

// Every input's pooled vector (pooling ≠ None) or every token's vector at hidden state `layer`
// (0..L), through the one pipeline. More than `maxRows` rows is an input error saying so.
CollectedVectors collectVectors(const LoadedModel &model, InputSource &inputs, int layer, Pooling pooling, const PipelineOptions &options,
                                long long maxRows);

} // namespace bertlens
