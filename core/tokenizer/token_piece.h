#pragma once

namespace bertlens {

// A piece of an input text: its token id, the code points [begin, end) of the original text it
// stands for, and its word within that text.
struct TokenPiece {
    int id, begin, end, word;
};

} // namespace bertlens
