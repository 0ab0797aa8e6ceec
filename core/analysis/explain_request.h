#pragma once

#include "analysis/pooling_mode.h"
#include "model/knockout.h"
#include "pipeline/sentence_input.h"

namespace bertlens {

struct LoadedModel;

// What "why did the model say that" asks about: a number the model computes from its input.
enum class TargetKind {
    Mask,       // log p(token) at a [MASK] (natural log of the softmax over the vocabulary)
    Similarity, // the cosine between two texts' pooled sentence vectors, each text run as its own sentence
};

struct ExplainRequest {
    TargetKind kind = TargetKind::Mask;
    SentenceInput text;    // the text explained (a)
    SentenceInput other;   // the second text (b), for Similarity
    int maskPosition = -1; // Mask: the [MASK]'s token position; -1: the text's only [MASK]
    int tokenId = -1;      // Mask: the token whose probability is explained; -1: the model's top-1 there
    Pooling pooling = Pooling::Mean; // Similarity: as the similarity view pools
    int layer = -1;        // Similarity: the hidden state pooled, 0..L; -1: the last
    Knockout knockout;     // switched off in every pass
    int maxLength = 0;     // 0: the model's
};

// f(x) for the request, with its knock-outs (one pass per text).
double targetValue(const LoadedModel &model, const ExplainRequest &request);

} // namespace bertlens
