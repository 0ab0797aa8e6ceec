// Any bytes as a .npy file given to `bertlens-cli concat`: its header is read and checked.
#include "fuzz_input.h"

#include "common/error.h"
#include "export/npy_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    const std::string path = fuzz::writeScratch("input.npy", data, size);
    try {
        (void)readNpyHeader(path);
    } catch (const Error &) {
    }
    return 0;
}
