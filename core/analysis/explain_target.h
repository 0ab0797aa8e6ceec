#pragma once

#include "analysis/explain_request.h"
#include "model/bert_model.h"
#include "tokenizer/encoding.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;
class MlmHead;

// The target of a request made concrete for a model: the texts encoded, the mask and token
// resolved, and the function f from a batch of variants of each text to the number explained.
// Every pass runs through the given encoder with the request's knock-outs.
class ExplainTarget {
public:
    // A usage error names what is missing (no [MASK], several, no MLM head, an unknown layer).
    ExplainTarget(const LoadedModel &model, const ExplainRequest &request);

    TargetKind kind() const { return m_request.kind; }
    int texts() const { return m_request.kind == TargetKind::Similarity ? 2 : 1; }
    const Encoding &encoding(int text) const { return m_encodings.at(size_t(text)); }
    int maskPosition() const { return m_maskPosition; }
    int tokenId() const { return m_tokenId; }
    const Knockout &knockout() const { return m_request.knockout; }
    const ExplainRequest &request() const { return m_request; }
    int readoutLayer() const; // the hidden state f reads, 1..L (0 for the embeddings)

    // [rows, T] copies of a text's ids, types and mask.
    at::Tensor ids(int text, int64_t rows) const;
    // What f reads of each row of a pass, from its hidden state at
    // readoutLayer() [B, T, H]: Mask: log p(token) [B] (float64); Similarity: pooled vectors [B, H].
    at::Tensor readout(const at::Tensor &hidden, const MlmHead *head) const;
    // f from the readouts: Mask: a's; Similarity: the row-wise cosine, float64. [B]
    at::Tensor combine(const at::Tensor &a, const at::Tensor &b) const;
    // One pass over rows of `text` (ids [B, T], or word embeddings [B, T, H] when given),
    // returning readout(). `options` adds hooks, a start, gradients; the layer kept is set here.
    at::Tensor run(int text, const BertModel &encoder, const MlmHead *head, const at::Tensor &ids,
                   const at::Tensor &words, const ForwardOptions &options) const;
    // The same pass's hidden state at readoutLayer(), [B, T, H].
    at::Tensor hiddenState(int text, const BertModel &encoder, const at::Tensor &ids, const at::Tensor &words,
                           ForwardOptions options) const;

private:
    const LoadedModel &m_model;
    ExplainRequest m_request;
    std::vector<Encoding> m_encodings;
    int m_maskPosition = -1;
    int m_tokenId = -1;
};

} // namespace bertlens
