#pragma once

#include "analysis/maps/map_options.h"

#include <string>
#include <vector>

namespace bertlens {

struct CollectedVectors;

// A map as CSV, a row per point (written to a temporary file and renamed):
//   sentence,token_index,text,label,x,y,cluster
// sentences from 1; token_index empty for a sentence vector; label and cluster empty when absent.
void writeMapCsv(const std::string &path, const CollectedVectors &points, const MapResult &map, const std::vector<std::string> &labels,
                 const std::vector<int32_t> &clusters);

} // namespace bertlens
