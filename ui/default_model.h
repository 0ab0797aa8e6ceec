#pragma once

#include <QString>

namespace bertlens {

// The folder of BertLens Mini, the model that ships with BertLens: installed beside the
// executable (<prefix>/share/bertlens/models/bertlens-mini), else in the source tree the program
// was built from. Empty if neither exists.
QString defaultModelDir();

// Example sentences shown on first launch, one per line: English and Chinese, or Chinese only
// when the UI is in Chinese.
QString exampleSentences();

} // namespace bertlens
