#pragma once

#include "tokenizer/encoding.h"
#include "tokenizer/token_piece.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace bertlens {

class Vocab;

// What Hugging Face's post-processors do — BertProcessing ([CLS] A [SEP] B [SEP], types 0/1),
// RobertaProcessing (<s> A </s></s> B </s>, types 0) and TemplateProcessing (any of these, and
// T5's A </s>) — as one template of data, with truncation longest-first.
class PostProcessor {
public:
    struct Item {
        int sequence = -1;  // 0: the first text, 1: the second; -1: a special token
        int specialId = -1; // the special token's id
        int typeId = 0;
    };
    // Longest-first truncation of a pair, one token at a time from the longer text; when both
    // are as long, the original BERT tokenizer takes it from the second text, Hugging Face's
    // LongestFirst from the text that was shorter at the start (the first when they were equal),
    // so that the longer one keeps the odd token.
    enum class Truncation { OriginalBert, HuggingFace };

    std::vector<Item> single, pair;
    Truncation truncation = Truncation::HuggingFace;

    static PostProcessor bert(int cls, int sep, Truncation truncation);
    // "post_processor" of tokenizer.json (null: none); a type not listed above, or a token
    // the vocabulary lacks, is a model error that names the file.
    static PostProcessor fromJson(const QJsonValue &value, const Vocab &vocab, const std::string &path);

    // The special tokens a single text (or a pair) gets.
    int added(bool isPair) const;
    // The first and the last special token of the single-text template (-1: none): what a
    // family calls its classification and separator tokens.
    int firstSpecial() const;
    int lastSpecial() const;

    // ids, type ids, tokens, offsets (special tokens [0, 0)), special mask, word ids; roles of
    // special tokens (Cls for the first, Sep for the others). The caller fills the rest.
    Encoding assemble(const std::vector<TokenPiece> &a, const std::vector<TokenPiece> *b, int maxLength,
                      const Vocab &vocab) const;
};

} // namespace bertlens
