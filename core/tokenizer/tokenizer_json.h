#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/bpe.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/unigram.h"
#include "tokenizer/vocab.h"

#include <QJsonObject>

#include <string>

namespace bertlens {

// Hugging Face's tokenizer.json, read here so that nothing else parses one. Today BertLens reads
// its WordPiece model and BertNormalizer (the stages of BPE and Unigram tokenizers come with
// issue 24); any other model type is refused by name.
class TokenizerJson {
public:
    // A model error names the file when it is not a JSON object or is larger than model text may be.
    static TokenizerJson read(const std::string &path);

    // The WordPiece vocabulary of "model" (continuing_subword_prefix "##"). Ids may have gaps (a
    // vocab.txt with a line twice becomes one JSON key): they get a token no text can produce, and
    // the id range is bounded by the number of entries, so a file cannot ask for more memory.
    Vocab wordPieceVocab() const;
    // The BPE model of "model" (told by "type": "BPE", or in the older format by its merges):
    // vocabulary and merges ("a b" strings or [a, b] pairs).
    Bpe bpe() const;
    // The Unigram model of "model" (told by "type": "Unigram", or in the older format by a list
    // vocabulary with unk_id): pieces with their log-probabilities.
    Unigram unigram() const;
    // The BertNormalizer's settings over `options`; unchanged for any other normalizer.
    void applyBertNormalizer(NormalizerOptions &options) const;
    // "added_tokens", in file order; a model error names an entry without content or id.
    std::vector<AddedToken> addedTokens() const;
    const QJsonObject &root() const { return m_root; }

private:
    std::string m_path;
    QJsonObject m_root;
};

} // namespace bertlens
