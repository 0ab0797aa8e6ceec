#pragma once

#include "tokenizer/normalized_string.h"

#include <QJsonValue>

#include <functional>
#include <string>
#include <vector>

namespace bertlens {

// The "pre_tokenizer" of a SentencePiece-style tokenizer.json as stages that split a normalized
// text into words, offsets kept as Hugging Face keeps them: WhitespaceSplit, Whitespace
// (\w+|[^\w\s]+), Punctuation and Digits (each isolated), Metaspace (spaces as '▁', prepended by
// prepend_scheme "always", "first" or "never", split before each '▁'), and a Sequence of these.
// Any other type is a model error that names it and the file.
class PreTokenizerStages {
public:
    static PreTokenizerStages fromJson(const QJsonValue &value, const std::string &path);
    // `text`: the normalized input, or one part of it between added tokens (Metaspace's "first"
    // scheme prepends only to the part at the input's start).
    std::vector<NormalizedString> split(NormalizedString text) const;

private:
    using Stage = std::function<void(std::vector<NormalizedString> &)>;
    std::vector<Stage> m_stages;
};

} // namespace bertlens
