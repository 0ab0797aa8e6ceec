// Any bytes as vocab.txt, then a tokenizer built on it encoding a fixed text.
#include "fuzz_input.h"

#include "common/error.h"
#include "tokenizer/bert_tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    try {
        BertTokenizer tokenizer(Vocab::load(fuzz::writeScratch("vocab.txt", data, size)), TokenizerOptions{});
        (void)tokenizer.encodePair("Hello, world! 你好", "second text", 16);
    } catch (const Error &) {
    }
    return 0;
}
