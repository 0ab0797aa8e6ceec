#pragma once

#include "analysis/corpus_hits.h"
#include "analysis/pooling_mode.h"
#include "analysis/projection.h"
#include "common/cancel.h"

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace bertlens {

struct LoadedModel;
class Tokenizer;

struct CorpusIndexOptions {
    int layer = -1; // hidden state 0..L; -1: the last
    Pooling pooling = Pooling::Mean;
    // Token vectors are kept unit-length in float16. Once they take more than this (and at least
    // reductionSample of them are there to learn from), they are projected onto their reducedDims
    // leading principal directions (uncentred, so that dot products — cosines — are what is kept
    // best); bench_corpus reports the recall this costs. 1.5 GB keeps a 100k-line corpus with a
    // bert-base model within 4 GB.
    long long tokenBudgetBytes = 1536ll << 20;
    int reducedDims = 256; // used only below the hidden size
    long long reductionSample = 50000;
    const CancelToken *cancel = nullptr;
    ProgressFn progress; // bytes of the corpus file
};

// Every token occurrence and every line of a corpus file embedded at one layer of one model,
// searched by cosine with exact blocked matrix products. Saved next to the corpus and reopened
// without recomputing; a different model, layer, pooling or corpus content makes a saved index
// stale.
class CorpusIndex {
public:
    // A token occurrence (special tokens are left out): its line (an index into lines()), position
    // in the encoding, vocabulary id and characters in the line.
    struct Occurrence {
        int32_t line, position, id, begin, end;
    };

    static constexpr long long kMaxLines = 100000;
    static constexpr long long kMaxCorpusBytes = 256ll << 20;
    static constexpr long long kExactPcaElements = 8 << 20;

    static CorpusIndex build(const LoadedModel &model, const std::string &corpusPath, const CorpusIndexOptions &options);
    // The index saved at `indexPath` if it was made from this model, layer, pooling and corpus
    // content; otherwise (missing, stale, or not an index) an empty index, and `why` says why.
    static CorpusIndex load(const std::string &indexPath, const LoadedModel &model, const std::string &corpusPath,
                            const CorpusIndexOptions &options, std::string *why = nullptr);
    // Written to a temporary file and renamed.
    void save(const std::string &indexPath) const;
    static std::string indexPathFor(const std::string &corpusPath) { return corpusPath + ".bertlens-index"; }

    bool empty() const { return m_lines.empty(); }
    // The query through the same model, layer and pooling; best first.
    std::vector<SentenceHit> nearestLines(const LoadedModel &model, const std::string &query, int k) const;
    // Token `token` of the query ([CLS] = 0) against every token occurrence of the corpus.
    std::vector<TokenHit> nearestTokens(const LoadedModel &model, const std::string &query, int token, int k) const;
    // The same with vectors already computed at the index's layer ([H], any length).
    std::vector<SentenceHit> nearestLines(const at::Tensor &vector, int k) const;
    std::vector<TokenHit> nearestTokens(const at::Tensor &vector, int k, const Tokenizer &tokenizer) const;

    const std::vector<CorpusLine> &lines() const { return m_lines; }
    const CorpusLine &lineAt(long long line) const; // by file line number
    int layer() const { return m_layer; }
    Pooling pooling() const { return m_pooling; }
    long long tokenCount() const { return m_tokenCount; }
    int tokenDims() const { return m_tokenDims; }
    bool reduced() const { return m_projection.defined(); }
    const at::Tensor &lineVectors() const { return m_lineVectors; } // [lines, H] float32, unit length
    // PCA of the line vectors (centred), signs as pca(): exact (SVD) up to kExactPcaElements values,
    // randomised SVD beyond (Halko et al. 2011, with power iterations; bench_corpus reports its
    // difference from the exact components).
    PcaResult projectLines(int k = 2) const;
    // The lines (indices into lines()) whose text contains `word`, ignoring case.
    std::vector<int> linesContaining(const std::string &word) const;
    long long memoryBytes() const;

    CorpusIndex() = default; // empty

private:
    // What makes a saved index valid: the model, layer, pooling and the corpus's bytes.
    CorpusIndex(const LoadedModel &model, int layer, Pooling pooling, long long corpusBytes, uint64_t corpusHash);
    static std::string modelFingerprint(const LoadedModel &model);
    at::Tensor queryHidden(const LoadedModel &model, const std::string &query, at::Tensor *tokens) const;

    std::vector<CorpusLine> m_lines;
    int m_layer = 0;
    Pooling m_pooling = Pooling::Mean;
    std::string m_model;      // modelFingerprint of the model that made it
    long long m_corpusBytes = 0;
    uint64_t m_corpusHash = 0;
    std::vector<Occurrence> m_occurrences;
    // [N, D] float16 in blocks of at most 65,536 rows, unit length (before any projection).
    std::vector<at::Tensor> m_tokenBlocks;
    long long m_tokenCount = 0;
    int m_tokenDims = 0;
    at::Tensor m_projection;  // [H, D] float32 when reduced
    at::Tensor m_lineVectors; // [lines, H] float32, unit length
};

} // namespace bertlens
