#include "example_file.h"

#include "common/error.h"

#include <fstream>

namespace bertlens::train {

namespace {
const std::string kMagic1 = "BLEX1\n";
const std::string kMagic2 = "BLEX2\n";
constexpr uint32_t kMaxTokens = 65536;
} // namespace

void writeExamples(const std::string &path, const Examples &examples)
{
    std::ofstream out(path, std::ios::binary);
    out.write(kMagic2.data(), std::streamsize(kMagic2.size()));
    for (const auto &e : examples) {
        const uint32_t header[2] = {uint32_t(e.ids.size()), e.secondFrom};
        out.write(reinterpret_cast<const char *>(header), sizeof header);
        out.write(reinterpret_cast<const char *>(e.ids.data()), std::streamsize(e.ids.size() * sizeof(int32_t)));
    }
    if (!out.flush())
        throw ioError(path + ": cannot write");
}

Examples readExamples(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::string magic(kMagic2.size(), '\0');
    if (!in.read(magic.data(), std::streamsize(magic.size())) || (magic != kMagic1 && magic != kMagic2))
        throw inputError(path + ": not a BertLens examples file");
    const bool hasSegments = magic == kMagic2;
    Examples examples;
    uint32_t n = 0;
    while (in.read(reinterpret_cast<char *>(&n), sizeof n)) {
        if (n > kMaxTokens)
            throw inputError(path + ": example " + std::to_string(examples.size()) + " claims " + std::to_string(n) + " tokens");
        Example e;
        e.secondFrom = n;
        if (hasSegments && !in.read(reinterpret_cast<char *>(&e.secondFrom), sizeof e.secondFrom))
            throw inputError(path + ": truncated in example " + std::to_string(examples.size()));
        if (e.secondFrom > n)
            throw inputError(path + ": example " + std::to_string(examples.size()) + " has its second segment from token "
                             + std::to_string(e.secondFrom) + " of " + std::to_string(n));
        e.ids.resize(n);
        if (!in.read(reinterpret_cast<char *>(e.ids.data()), std::streamsize(n * sizeof(int32_t))))
            throw inputError(path + ": truncated in example " + std::to_string(examples.size()));
        examples.push_back(std::move(e));
    }
    return examples;
}

} // namespace bertlens::train
