#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens::train {

// One training sequence: [CLS] … [SEP] …; tokens from `secondFrom` on are segment B (token type 1)
// — a sentence pair's second text — and secondFrom == ids.size() when there is none.
struct Example {
    std::vector<int32_t> ids;
    uint32_t secondFrom = 0;
};
using Examples = std::vector<Example>;

// Examples are made here by `bertlens-train-mini examples` with BertLens's tokenizer and read by the
// trainer wherever it runs (the GPU machine has no Qt).
// Format: "BLEX2\n", then per example little-endian uint32 length, uint32 secondFrom, and that many
// int32 ids. "BLEX1\n" files (no secondFrom: one segment) are read too.
void writeExamples(const std::string &path, const Examples &examples);
Examples readExamples(const std::string &path);

} // namespace bertlens::train
