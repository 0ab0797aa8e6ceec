// Any bytes as a zip archive: every entry it lists must lie inside the file.
#include "fuzz_input.h"

#include "common/error.h"
#include "io/zip_archive.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        auto file = bertlens::MappedFile::open(bertlens::fuzz::writeScratch("archive.zip", data, size));
        bertlens::ZipArchive zip(file);
        unsigned sum = 0;
        for (const auto &[name, entry] : zip.entries())
            for (size_t i = 0; i < entry.size; ++i)
                sum += entry.data[i];
        volatile unsigned keep = sum;
        (void)keep;
    } catch (const bertlens::Error &) {
    }
    return 0;
}
