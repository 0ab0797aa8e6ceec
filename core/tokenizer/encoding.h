#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bertlens {

// One tokenized input ([CLS] A [SEP] or [CLS] A [SEP] B [SEP]), aligned with the original text.
struct Encoding {
    std::vector<int> ids;
    std::vector<int> typeIds;
    std::vector<std::string> tokens;           // UTF-8, '##' continuations as in the vocabulary
    std::vector<std::pair<int, int>> offsets;  // [start, end) in code points of the original text
    std::vector<bool> specialMask;             // true for [CLS]/[SEP] added by the post-processor
    bool truncated = false;
    int untruncatedLength = 0;                 // tokens before truncation, special tokens included

    int size() const { return int(ids.size()); }
};

} // namespace bertlens
