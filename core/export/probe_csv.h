#pragma once

#include "analysis/probe/probe_result.h"

#include <string>

namespace bertlens {

// A probe's figures as CSV, one row per hidden state (written to a temporary file and renamed):
//   layer,accuracy,accuracy_sd,control,control_sd,selectivity,majority,fold_1..fold_K,control_1..control_K
// Accuracies are shares in [0, 1]: the mean over the folds, its population standard deviation,
// the control's, accuracy − control, and the most common label's share.
std::string probeCsv(const ProbeResult &result);
void writeProbeCsv(const std::string &path, const ProbeResult &result);

} // namespace bertlens
