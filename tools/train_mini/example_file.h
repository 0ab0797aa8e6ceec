#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens::train {

// Training examples as token ids ([CLS] … [SEP] …), made here by `bertlens-train-mini examples`
// with BertLens's tokenizer and read by the trainer wherever it runs (the GPU machine has no Qt).
// Format: "BLEX1\n", then per example a little-endian uint32 length and that many int32 ids.
void writeExamples(const std::string &path, const std::vector<std::vector<int32_t>> &examples);
std::vector<std::vector<int32_t>> readExamples(const std::string &path);

} // namespace bertlens::train
