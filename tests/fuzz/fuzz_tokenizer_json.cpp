// Any bytes as a tokenizer.json: read as its model type picks the family (WordPiece, byte-level
// BPE, SentencePiece Unigram with its normalizer and pre-tokenizer stages, the post-processor
// template); when it loads, texts in several scripts are encoded, alone, as a pair and truncated.
#include "fuzz_input.h"

#include "common/error.h"
#include "tokenizer/tokenizer_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    const std::string path = fuzz::writeScratch("tokenizer.json", data, size);
    try {
        const auto tokenizer = readTokenizer(path, TokenizerOptions{});
        for (const char *text : {"Hello wörld, the <mask> sat.", "北京是中国的首都。", "  spaces\tand\nlines  ", "😀 👩‍👩‍👧 ﬁ Ａ\u0301", ""}) {
            (void)tokenizer->encode(text);
            (void)tokenizer->encodePair(text, "a second text", 6);
            (void)tokenizer->explain(text);
        }
    } catch (const Error &) {
    }
    return 0;
}
