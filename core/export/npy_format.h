#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bertlens {

// NumPy's .npy v1.0 for the float32 arrays BertLens writes: shape (rows, trailing...). The
// header has room for a 20-digit row count and is padded so the data starts 64-byte aligned,
// so a streaming writer can rewrite it in place once the count is known.
std::string npyHeader(long long rows, const std::vector<int64_t> &trailing);

struct NpyArray {
    long long rows = 0;
    std::vector<int64_t> trailing;
    size_t dataOffset = 0; // where the float32 data starts in the file
};

// Reads and checks the header of a little-endian float32, C-order .npy file (any valid v1/v2
// header, at most 64 KiB); errors name the file and what is wrong, including a data size that
// does not match the shape.
NpyArray readNpyHeader(const std::string &path);

// Joins .npy files along the first axis into `output` (written atomically), byte for byte what
// one export of all their rows would have written: shards of `bertlens-cli embed --shard`
// become one file. All inputs must share the trailing shape.
void concatenateNpy(const std::vector<std::string> &inputs, const std::string &output);

} // namespace bertlens
