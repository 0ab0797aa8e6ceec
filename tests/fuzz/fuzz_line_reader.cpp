// Any bytes as an input file: lines that cover every byte but the line ends, or a named refusal.
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
        if (covered > size || covered + 2 * lines < size || reader.done() != (long long)size)
            std::abort();
    } catch (const bertlens::Error &) {
    }
    return 0;
}
