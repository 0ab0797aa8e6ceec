#pragma once
// Helpers of the libFuzzer targets: the parsers read files (mmap), so each input is written to a
// file in a private temporary folder first (tmpfs where there is one).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace bertlens::fuzz {

inline const std::string &scratchDir()
{
    static const std::string dir = [] {
        std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        std::string pattern = base + "/bertlens-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data()))
            std::abort();
        return pattern;
    }();
    return dir;
}

inline std::string writeScratch(const std::string &name, const uint8_t *data, size_t size)
{
    const std::string path = scratchDir() + "/" + name;
    std::FILE *f = std::fopen(path.c_str(), "wb");
    if (!f)
        std::abort();
    if (size && std::fwrite(data, 1, size, f) != size)
        std::abort();
    std::fclose(f);
    return path;
}

} // namespace bertlens::fuzz
