#pragma once
// Internal to the corpus index (corpus_index.cpp builds and searches, corpus_index_file.cpp saves
// and loads): the corpus text file as it is read, and what both sides share.

#include "analysis/corpus_hits.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens {

// Token vectors are stored, searched and saved in blocks of this many rows.
inline constexpr int64_t kTokenBlockRows = 1 << 16;

// The corpus file's lines (empty lines left out, numbers kept), its size and content hash.
struct CorpusFile {
    std::vector<CorpusLine> lines;
    long long bytes = 0;
    uint64_t hash = 0;
};

// Reads and checks a corpus file (at most CorpusIndex::kMaxLines lines and kMaxCorpusBytes bytes;
// "TEXT<TAB>LABEL" split at the first TAB); an input error names the file and the limit.
CorpusFile readCorpus(const std::string &path);

} // namespace bertlens
