#pragma once

#include <string>

namespace bertlens {

enum class Activation { Gelu, GeluTanh, Relu };

// The fields of a HuggingFace config.json that decide the encoder's shapes and arithmetic, for
// the BERT family: model_type "bert", "distilbert", "roberta", "xlm-roberta" or "electra" (all
// BERT's layers; they differ in embeddings, names and heads). Defaults are HuggingFace's.
struct BertConfig {
    std::string modelType = "bert";
    std::string architecture = "BertForMaskedLM"; // what config.json's "architectures" says (written by toJson)
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
    // RoBERTa's family numbers positions from padding_idx + 1 (padding_idx = pad_token_id), and a
    // padding token typed in the text takes padding_idx itself (create_position_ids_from_input_ids).
    bool positionsAfterPadding = false;
    // ELECTRA's embedding width; the embeddings are projected to hiddenSize when it differs.
    int embeddingSize = 0; // 0: hiddenSize
    // The masked-LM head's activation: BERT's is hidden_act, RoBERTa's and ELECTRA's always gelu.
    Activation headActivation = Activation::Gelu;

    int headSize() const { return hiddenSize / numHeads; }
    int embeddingWidth() const { return embeddingSize > 0 ? embeddingSize : hiddenSize; }
    int firstPosition() const { return positionsAfterPadding ? padTokenId + 1 : 0; }
    // The longest input, special tokens included, the position embeddings can number.
    int maxTokens() const { return maxPositions - firstPosition(); }

    // Reads config.json; errors name the file and the offending field and value.
    static BertConfig fromJsonFile(const std::string &path);
    static BertConfig fromJson(const std::string &json, const std::string &pathForMessages);
    std::string toJson() const;
    // Throws a model error if the fields contradict each other (e.g. heads do not divide hidden).
    void validate(const std::string &pathForMessages) const;
};

} // namespace bertlens
