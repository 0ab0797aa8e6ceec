// Any bytes as pytorch_model.bin (zip or legacy torch.save, through the restricted unpickler).
#include "fuzz_input.h"

#include "common/error.h"
#include "io/torch_bin.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        for (const auto &[name, tensor] : bertlens::readTorchBin(bertlens::fuzz::writeScratch("pytorch_model.bin", data, size)))
            if (tensor.numel() > 0)
                (void)tensor.sum();
    } catch (const bertlens::Error &) {
    }
    return 0;
}
