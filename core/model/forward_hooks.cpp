#include "model/forward_hooks.h"

namespace bertlens {

const char *pointName(Point point)
{
    switch (point) {
    case Point::WordEmbeddings: return "embeddings.word";
    case Point::PositionEmbeddings: return "embeddings.position";
    case Point::TypeEmbeddings: return "embeddings.token_type";
    case Point::EmbeddingSum: return "embeddings.sum";
    case Point::EmbeddingOutput: return "embeddings.output";
    case Point::LayerInput: return "layer.input";
    case Point::Query: return "attention.q";
    case Point::Key: return "attention.k";
    case Point::Value: return "attention.v";
    case Point::Scores: return "attention.scores";
    case Point::Pattern: return "attention.probs";
    case Point::Context: return "attention.context";
    case Point::AttentionOutput: return "attention.output";
    case Point::ResidualMid: return "attention.output_norm";
    case Point::FfnPre: return "ffn.intermediate";
    case Point::FfnActivated: return "ffn.activated";
    case Point::FfnOutput: return "ffn.output";
    case Point::LayerOutput: return "layer.output";
    }
    return "";
}

bool isPerHead(Point point)
{
    return point == Point::Query || point == Point::Key || point == Point::Value || point == Point::Scores
           || point == Point::Pattern || point == Point::Context;
}

} // namespace bertlens
