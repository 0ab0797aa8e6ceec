#pragma once

#include <string>
#include <vector>

namespace bertlens {

// The CSV conventions of every BertLens output (files, and the window's "save the numbers").
// Shortest round-trip text of a float, appended.
void appendFloat(std::string &out, float value);
// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
void appendCsvField(std::string &out, const std::string &field);
// Rows of RFC 4180 CSV as written above: quoted fields may hold commas, quotes ("") and line ends.
std::vector<std::vector<std::string>> parseCsv(const std::string &csv);

} // namespace bertlens
