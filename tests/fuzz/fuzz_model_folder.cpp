// Any bytes as one of a model folder's small files — tokenizer_config.json, tokenizer.json (then
// also the vocabulary, vocab.txt removed), a shard index, sentence-transformers' modules.json,
// its pooling config or sentence_bert_config.json (the first byte picks which) — in an otherwise
// valid folder; the folder is located and its vocabulary read.
#include "fuzz_input.h"

#include "common/error.h"
#include "io/model_folder.h"

#include <sys/stat.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    static const uint8_t vocab[] = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
    static const bool ready = [] {
        const uint8_t config[] = "{}";
        fuzz::writeScratch("config.json", config, sizeof config - 1);
        fuzz::writeScratch("shard.safetensors", config, 0);
        ::mkdir((fuzz::scratchDir() + "/1_Pooling").c_str(), 0700);
        return true;
    }();
    (void)ready;
    if (size == 0)
        return 0;
    const char *names[] = {"tokenizer_config.json", "tokenizer.json", "model.safetensors.index.json",
                           "modules.json", "1_Pooling/config.json", "sentence_bert_config.json"};
    const int pick = data[0] % 6;
    for (const char *other : names)
        std::remove((fuzz::scratchDir() + "/" + other).c_str());
    if (pick == 1)
        std::remove((fuzz::scratchDir() + "/vocab.txt").c_str());
    else
        fuzz::writeScratch("vocab.txt", vocab, sizeof vocab - 1);
    if (pick == 4) { // a pooling config is read only when modules.json names it
        const uint8_t modules[] = R"([{"path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])";
        fuzz::writeScratch("modules.json", modules, sizeof modules - 1);
    }
    fuzz::writeScratch(names[pick], data + 1, size - 1);
    try {
        (void)ModelFolder::locate(fuzz::scratchDir()).readTokenizer();
    } catch (const Error &) {
    }
    return 0;
}
