// Any bytes as model.safetensors: a clean refusal (bertlens::Error) or tensors, never a crash.
#include "fuzz_input.h"

#include "common/error.h"
#include "io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        for (const auto &[name, tensor] : bertlens::readSafetensors(bertlens::fuzz::writeScratch("model.safetensors", data, size)))
            if (tensor.numel() > 0)
                (void)tensor.sum(); // every byte of every tensor must be readable
    } catch (const bertlens::Error &) {
    }
    return 0;
}
