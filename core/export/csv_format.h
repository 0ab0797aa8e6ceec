#pragma once

#include <string>

namespace bertlens {

// The CSV conventions of every BertLens output (files, and the window's "save the numbers").
// Shortest round-trip text of a float, appended.
void appendFloat(std::string &out, float value);
// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
void appendCsvField(std::string &out, const std::string &field);

} // namespace bertlens
