// Any bytes as an input file: lines that cover every byte but the line ends (and a leading UTF-8
// byte-order mark), or a named refusal.
#include "fuzz_input.h"

#include "common/error.h"
#include "io/text_source.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        bertlens::LineReader reader(bertlens::fuzz::writeScratch("input.txt", data, size));
        std::string line;
        size_t covered = 0, lines = 0;
        while (reader.next(line)) {
            covered += line.size();
            ++lines;
        }
        const size_t bom = size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        if (covered + bom > size || covered + bom + 2 * lines < size || reader.done() != (long long)size)
            std::abort();
    } catch (const bertlens::Error &) {
    }
    return 0;
}
