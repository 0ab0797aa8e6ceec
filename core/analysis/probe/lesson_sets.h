#pragma once

#include <string>
#include <vector>

namespace bertlens {

// The labelled sets BertLens ships for probing lessons (resources/lessons/probe-*.tsv): installed
// beside the executable (<prefix>/share/bertlens/lessons), else in the source tree it was built
// from. Paths sorted by name; empty when neither exists.
std::vector<std::string> lessonSetPaths();

} // namespace bertlens
