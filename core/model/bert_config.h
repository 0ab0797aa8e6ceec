#pragma once

#include <string>

namespace bertlens {

enum class Activation { Gelu, GeluTanh, Relu };

// The fields of a HuggingFace BertConfig that decide the encoder's shapes and arithmetic.
// Defaults are HuggingFace's (bert-base-uncased).
struct BertConfig {
    std::string modelType = "bert";
    int vocabSize = 30522;
    int hiddenSize = 768;
    int numLayers = 12;
    int numHeads = 12;
    int intermediateSize = 3072;
    Activation activation = Activation::Gelu;
    std::string activationName = "gelu";
    int maxPositions = 512;
    int typeVocabSize = 2;
    double layerNormEps = 1e-12;
    int padTokenId = 0;

    int headSize() const { return hiddenSize / numHeads; }

    // Reads config.json; errors name the file and the offending field and value.
    static BertConfig fromJsonFile(const std::string &path);
    static BertConfig fromJson(const std::string &json, const std::string &pathForMessages);
    std::string toJson() const;
    // Throws a model error if the fields contradict each other (e.g. heads do not divide hidden).
    void validate(const std::string &pathForMessages) const;
};

} // namespace bertlens
