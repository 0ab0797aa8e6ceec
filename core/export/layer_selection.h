#pragma once

#include <string>
#include <vector>

namespace bertlens {

// "all", one index or a comma list ("0,4,12", "-1"). Hidden states are numbered 0..numLayers
// (0 = embeddings); attention maps 1..numLayers. Negative numbers count from the end (-1 = the
// last layer). A usage error names a value out of range.
std::vector<int> parseHiddenLayers(const std::string &spec, int numLayers);
std::vector<int> parseAttentionLayers(const std::string &spec, int numLayers);

} // namespace bertlens
