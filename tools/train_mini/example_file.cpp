#include "example_file.h"

#include "common/error.h"

#include <fstream>

namespace bertlens::train {

namespace {
const char kMagic[] = "BLEX1\n";
}

void writeExamples(const std::string &path, const std::vector<std::vector<int32_t>> &examples)
{
    std::ofstream out(path, std::ios::binary);
    out.write(kMagic, sizeof kMagic - 1);
    for (const auto &e : examples) {
        const auto n = uint32_t(e.size());
        out.write(reinterpret_cast<const char *>(&n), sizeof n);
        out.write(reinterpret_cast<const char *>(e.data()), std::streamsize(e.size() * sizeof(int32_t)));
    }
    if (!out.flush())
        throw ioError(path + ": cannot write");
}

std::vector<std::vector<int32_t>> readExamples(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[sizeof kMagic - 1] = {};
    if (!in.read(magic, sizeof magic) || std::string(magic, sizeof magic) != kMagic)
        throw inputError(path + ": not a BertLens examples file");
    std::vector<std::vector<int32_t>> examples;
    uint32_t n = 0;
    while (in.read(reinterpret_cast<char *>(&n), sizeof n)) {
        if (n > 65536)
            throw inputError(path + ": example " + std::to_string(examples.size()) + " claims " + std::to_string(n) + " tokens");
        std::vector<int32_t> e(n);
        if (!in.read(reinterpret_cast<char *>(e.data()), std::streamsize(n * sizeof(int32_t))))
            throw inputError(path + ": truncated in example " + std::to_string(examples.size()));
        examples.push_back(std::move(e));
    }
    return examples;
}

} // namespace bertlens::train
