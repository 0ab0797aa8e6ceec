#pragma once

#include "tokenizer/bpe.h"
#include "tokenizer/token_piece.h"

#include <string_view>
#include <vector>

namespace bertlens {

// GPT-2 / RoBERTa's pre-tokenizer and model: words split as GPT-2's pattern splits them, each
// word's UTF-8 bytes written in the byte-level alphabet and merged by `bpe`. With trimOffsets
// (ByteLevel's trim_offsets), a piece's offsets leave out the spaces it begins or ends with, as
// Hugging Face's do (a piece of spaces only keeps an empty range at its end).
std::vector<TokenPiece> byteLevelBpe(std::u32string_view text, const Bpe &bpe, bool trimOffsets);

} // namespace bertlens
