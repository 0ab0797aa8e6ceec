#pragma once

#include <QString>

namespace bertlens {

// The folder of BertLens Mini (bundledModelDir()), empty if there is none.
QString defaultModelDir();

// Example sentences shown on first launch, one per line: English and Chinese, or Chinese only
// when the UI is in Chinese.
QString exampleSentences();

} // namespace bertlens
