#pragma once

#include "pipeline/batch.h"
#include "tokenizer/encoding.h"

#include <vector>

namespace bertlens {

class Tokenizer;

// What the pipeline does with a text longer than the model takes.
enum class LongInputs {
    Truncate, // keep its first tokens (and say so)
    Refuse,   // an input error that gives the count
    Windows,  // run overlapping windows and stitch them (below)
    OneWindow, // run one of the overlapping windows (the window's views: attention maps stay whole)
};

// Hugging Face's return_overflowing_tokens with `stride`: the text tokens of `full` (one text,
// not a pair) in windows of at most maxLength tokens with the family's special tokens, each
// window starting `stride` tokens before the previous one ends; the last may be shorter.
struct InputWindows {
    std::vector<Encoding> windows;
    std::vector<int> firstText; // the position in `full` of each window's first text token
};
// The stride when none is asked for: 128 tokens (Hugging Face's doc_stride), at most half a window.
int defaultStride(const Tokenizer &tokenizer, int maxLength);
InputWindows splitIntoWindows(const Tokenizer &tokenizer, const Encoding &full, int maxLength, int stride);

// Window `window` of `full` (the last when it has fewer), marked with its number and the count:
// the encoding the window shows of a long text. `full` itself when it fits.
Encoding oneWindow(const Tokenizer &tokenizer, const Encoding &full, int maxLength, int stride, int window);

// One output for the whole text: each text token from the window where it has the most context
// on both sides (the original BERT's _check_is_max_context: min(left, right) + 0.01 · window
// length, the first window on a tie), the special tokens before the text from the first window
// and those after it from the last. Hidden states only: attention maps do not cross windows.
SentenceOutput stitchWindows(const Encoding &full, const InputWindows &windows, const std::vector<SentenceOutput> &outputs);

} // namespace bertlens
