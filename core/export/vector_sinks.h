#pragma once

#include "analysis/pooling.h"
#include "io/atomic_file.h"
#include "model/batching.h"
#include "tokenizer/encoding.h"

#include <memory>
#include <string>
#include <vector>

namespace bertlens {

// Receives the model's output sentence by sentence and writes it in one file format. Nothing
// is visible under the output name until finish().
class ResultSink {
public:
    virtual ~ResultSink() = default;
    // output: the sentence's unpadded hidden states (and attentions for attention sinks).
    virtual void add(int sentence, const Encoding &encoding, const SentenceOutput &output) = 0;
    virtual void finish() = 0;
    virtual bool needsAttentions() const { return false; }
};

// CSV with a header row; floats in their shortest form that reads back to the same float32.
//   pooling none: sentence,token_index,token,layer,d0..d{H-1}   (one row per token and layer)
//   pooled:       sentence,layer,d0..d{H-1}
// A path ending in .npy gives float32 [sentences, layers, H] instead (pooled only).
std::unique_ptr<ResultSink> makeEmbeddingSink(const std::string &path, std::vector<int> layers, Pooling pooling,
                                              int hiddenSize);

// CSV: sentence,layer,head,from_index,to_index,weight (layers numbered 1..N).
std::unique_ptr<ResultSink> makeAttentionSink(const std::string &path, std::vector<int> layers);

// Shortest round-trip text of a float, appended.
void appendFloat(std::string &out, float value);
// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
void appendCsvField(std::string &out, const std::string &field);

} // namespace bertlens
