#pragma once

#include <string>

namespace bertlens {

struct LoadedModel;

// What the window shows about a model, without LibTorch types.
struct ModelSummary {
    std::string name;
    std::string dir;
    int numLayers = 0;
    int numHeads = 0;
    int hiddenSize = 0;
    int vocabSize = 0;
    int maxLength = 0;
    long long parameters = 0; // of the encoder
    std::string weightsFile;
    std::string weightsDtype;
    std::string precision; // what the encoder computes in: "fp32" or "bf16"
    std::string maskToken; // as typed in a text ("[MASK]"); empty when the vocabulary has none
};

ModelSummary summarize(const LoadedModel &model);

} // namespace bertlens
