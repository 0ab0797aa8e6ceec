#pragma once

#include "tokenizer/normalized_string.h"

#include <QJsonValue>

#include <functional>
#include <string>
#include <vector>

namespace bertlens {

// The "normalizer" of a tokenizer.json other than BERT's, as stages over a NormalizedString
// (offsets kept as Hugging Face keeps them): Precompiled, Replace (a string or a regular
// expression), Lowercase, NFC, NFD, NFKC, NFKD, StripAccents, Strip, Prepend, and a Sequence of
// these. Any other type is a model error that names it and the file.
class NormalizerStages {
public:
    static NormalizerStages fromJson(const QJsonValue &value, const std::string &path);
    void apply(NormalizedString &s) const;
    bool empty() const { return m_stages.empty(); }

private:
    std::vector<std::function<void(NormalizedString &)>> m_stages;
};

// Hugging Face's prepend(): `prefix` before the first code point, aligned with it.
void prependTo(NormalizedString &s, std::u32string_view prefix);

} // namespace bertlens
