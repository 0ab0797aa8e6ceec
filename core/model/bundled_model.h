#pragma once

#include <string>

namespace bertlens {

// The folder of BertLens Mini, the model that ships with BertLens: installed beside the
// executable (<prefix>/share/bertlens/models/bertlens-mini), else in the source tree the program
// was built from. Empty if neither exists. The window opens it first; the CLI takes it when
// --model is not given.
std::string bundledModelDir();

} // namespace bertlens
