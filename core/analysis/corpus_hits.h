#pragma once

#include <string>

namespace bertlens {

// One line of a corpus file: its 0-based line number, its text and, for "text<TAB>label", its label.
struct CorpusLine {
    long long line = 0;
    std::string text;
    std::string label;
};

struct SentenceHit {
    long long line = 0; // 0-based line of the corpus file
    double score = 0;   // cosine of the pooled vectors
};

struct TokenHit {
    long long line = 0;
    int token = 0;          // position in the line's encoding ([CLS] = 0)
    int begin = 0, end = 0; // the token's characters in the line's text (code points)
    std::string text;       // the token as people read it (Tokenizer::label)
    double score = 0;       // cosine of the token vectors
};

} // namespace bertlens
