#pragma once

#include <ATen/core/Tensor.h>

namespace bertlens {

// The named places of the forward pass where a hook may look at a value or replace it. Layer 0
// is the embeddings; 1..L the encoder layers. Layouts: the token rows of a batch are packed
// (padding removed) into [N, C] in batch order; per-head values are padded, [B, heads, T, …].
enum class Point {
    WordEmbeddings,     // layer 0, [N, H]: the word-embedding rows (or the embeddings given instead of ids)
    PositionEmbeddings, // layer 0, [N, H]
    TypeEmbeddings,     // layer 0, [N, H]
    EmbeddingSum,       // layer 0, [N, H]: their sum, before the LayerNorm
    EmbeddingOutput,    // layer 0, [N, H]: after the LayerNorm: the input of layer 1
    LayerInput,         // [N, H]
    Query,              // [B, heads, T, d]: x·W_q + b (the 1/√d is applied after this point)
    Key,                // [B, heads, T, d]
    Value,              // [B, heads, T, d]
    Scores,             // [B, heads, T, T]: q·kᵀ/√d, before the padding mask
    Pattern,            // [B, heads, T, T]: the attention probabilities
    Context,            // [B, heads, T, d]: pattern·v, each head's part of the input of the output projection
    AttentionOutput,    // [N, H]: the output projection of the context, bias included
    ResidualMid,        // [N, H]: LayerNorm(attention output + layer input)
    FfnPre,             // [N, 4H]: the feed-forward's first linear layer, before the activation
    FfnActivated,       // [N, 4H]
    FfnOutput,          // [N, H]: the feed-forward's output, bias included
    LayerOutput,        // [N, H]: LayerNorm(FFN output + residual mid)
};

// "embeddings.word", "attention.q", "ffn.output"… (the names `bertlens-cli trace` writes).
const char *pointName(Point point);
// Whether the point holds one slice per head ([B, heads, T, …]).
bool isPerHead(Point point);

// Where each packed row of a batch belongs, for hooks that treat sentences differently.
struct BatchShape {
    int64_t batch = 0;
    int64_t tokens = 0;    // T, padding included
    at::Tensor rowOfToken; // [N] int64: the batch row of each packed row (set when the pass has hooks)
};

// Looks at (and may replace) values inside the forward pass. The pass asks wants() at every
// point of every layer (the only cost when nothing is wanted) and calls visit() where it answers
// yes. visit() returns a replacement of the same shape, or an undefined tensor to leave the value
// as it is. An observer must not modify `value`, and copies what it keeps: the pass may
// reuse its memory afterwards. Under autograd a replacement should be
// a differentiable function of `value` (a product with a mask, not an in-place write).
class ForwardHook {
public:
    virtual ~ForwardHook() = default;
    virtual bool wants(Point point, int layer) const = 0;
    virtual at::Tensor visit(Point point, int layer, const at::Tensor &value, const BatchShape &shape) = 0;
};

} // namespace bertlens
