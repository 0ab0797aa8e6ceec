#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/bpe.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/post_processor.h"
#include "tokenizer/special_tokens.h"
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
    // A tokenizer.json already parsed (`path` names it in messages).
    static TokenizerJson fromObject(QJsonObject root, const std::string &path);

    // The type of "model": its "type", or in the older format told by its keys (BPE by merges,
    // Unigram by a list vocabulary); empty when neither.
    std::string modelType() const;
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
    // The id ↔ token table of a BPE or Unigram tokenizer: the model's tokens by id, then the added
    // tokens at their ids (a model error names an id beyond the table's size plus their number,
    // so a file cannot ask for more memory than its size implies).
    Vocab vocabulary(std::vector<std::string> modelTokens) const;
    // The special tokens by role: cls and sep from the post-processor's template (its first and
    // last special token), unknown from the model, pad and mask by the names families give them.
    SpecialTokens specialTokens(const Vocab &vocab, const PostProcessor &post) const;
    const QJsonObject &root() const { return m_root; }
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
    QJsonObject m_root;
};

} // namespace bertlens
