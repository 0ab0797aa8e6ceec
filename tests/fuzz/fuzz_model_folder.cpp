// Any bytes as tokenizer_config.json, tokenizer.json or a shard index (the first byte picks
// which) in an otherwise valid model folder.
#include "fuzz_input.h"

#include "common/error.h"
#include "io/model_folder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    static const bool ready = [] {
        const uint8_t config[] = "{}";
        const uint8_t vocab[] = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
        fuzz::writeScratch("config.json", config, sizeof config - 1);
        fuzz::writeScratch("vocab.txt", vocab, sizeof vocab - 1);
        fuzz::writeScratch("shard.safetensors", config, 0);
        return true;
    }();
    (void)ready;
    if (size == 0)
        return 0;
    const char *names[] = {"tokenizer_config.json", "tokenizer.json", "model.safetensors.index.json"};
    const std::string name = names[data[0] % 3];
    for (const char *other : names)
        std::remove((fuzz::scratchDir() + "/" + other).c_str());
    fuzz::writeScratch(name, data + 1, size - 1);
    try {
        (void)ModelFolder::locate(fuzz::scratchDir());
    } catch (const Error &) {
    }
    return 0;
}
