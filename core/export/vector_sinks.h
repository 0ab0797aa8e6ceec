#pragma once

#include "analysis/pooling_mode.h"
#include "export/csv_format.h"
#include "pipeline/pipeline.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bertlens {

// Which vectors an embedding export writes: the hidden states of `layers` (0..L), per token or
// pooled, optionally L2-normalised (sentence-transformers' Normalize module).
struct VectorSpec {
    std::vector<int> layers;
    Pooling pooling = Pooling::None;
    bool normalize = false;
};

// Each sink writes one file format through an AtomicFile: nothing is visible under the output
// name until finish().
// CSV with a header row; floats in their shortest form that reads back to the same float32.
// Numbering as in the window (README, "Numbering"): sentences and heads from 1, layers 0..L
// (0 = embeddings), token positions from 0 ([CLS] = 0).
//   pooling none: sentence,token_index,token,layer,d0..d{H-1}   (one row per token and layer)
//   pooled:       sentence,layer,d0..d{H-1}
// A path ending in .npy gives float32 [sentences, layers, H] instead (pooled only).
// With `centre` ([layers, H]) every vector written has it subtracted (embed --center).
// Without csvHeader the CSV starts with the first row: a shard after the first (see ExportJob).
std::unique_ptr<SentenceSink> makeEmbeddingSink(const std::string &path, const VectorSpec &spec, int hiddenSize,
                                              const at::Tensor &centre = {}, bool csvHeader = true);

// How an Embedding Projector export (projector_format.h) is labelled and clustered.
struct ProjectorOptions {
    std::string tensorName = "BertLens";
    int clusters = 0; // k-means clusters per layer; 0: the cluster column stays empty
    uint64_t seed = 42;
    std::function<std::string(long long index)> labelOf; // the label column of input `index`, if any
};
// The same vectors as makeEmbeddingSink, as an Embedding Projector folder: a row a vector (each
// token, or each sentence, at each layer), its text the token as the window labels it or the
// sentence ("A | B" for a pair).
std::unique_ptr<SentenceSink> makeProjectorSink(const std::string &folder, const VectorSpec &spec, const at::Tensor &centre,
                                              const ProjectorOptions &options);

// The mean of the vectors an embedding export with these layers and pooling would write: per
// layer, over every token (pooling none) or every sentence vector; in float64.
class VectorMeanSink : public SentenceSink {
public:
    virtual at::Tensor mean() const = 0; // [layers, H]
    virtual long long count() const = 0; // vectors averaged per layer
};
std::unique_ptr<VectorMeanSink> makeMeanSink(const VectorSpec &spec);

// CSV: sentence,layer,head,from_index,to_index,weight,from_token,to_token (layers 1..N,
// heads from 1); with rollout, sentence,layer,from_index,to_index,weight,from_token,to_token of the
// attention rollout up to each layer.
std::unique_ptr<SentenceSink> makeAttentionSink(const std::string &path, std::vector<int> layers, bool rollout = false,
                                              bool csvHeader = true);


} // namespace bertlens
