#pragma once

#include "pipeline/sentence_input.h"

#include <string>
#include <vector>

namespace bertlens {

// One labelled example of a probing set: a text (or a pair) and its label, with its line number.
struct LabelledInput {
    SentenceInput input;
    std::string label;
    long long line = 0; // 0-based line of the file
};

// A probing set: "TEXT<TAB>LABEL" or "TEXT<TAB>TEXT_B<TAB>LABEL" lines (one kind in a file), empty
// lines skipped, lines starting with '#' are comments. At most kMaxLabelledLines lines; an input
// error names the file, the line and what is wrong.
std::vector<LabelledInput> readLabelledInputs(const std::string &path);
inline constexpr long long kMaxLabelledLines = 100000;

} // namespace bertlens
