// Any bytes as text (valid UTF-8 or not) and as a pair, cased and uncased, with and without a
// length limit: an encoding whose offsets lie inside the text, or a named refusal.
#include "common/error.h"
#include "tokenizer/bert_tokenizer.h"

#include <cstdlib>
#include <string_view>

namespace {

bertlens::BertTokenizer make(bool lower)
{
    std::vector<std::string> tokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s", "un", "##able",
                                       "你", "好", "é", "e", ",", "!", "a", "##a", "[unused0]"};
    bertlens::TokenizerOptions options;
    options.normalizer.lowercase = lower;
    options.normalizer.stripAccents = lower;
    return bertlens::BertTokenizer(bertlens::Vocab::fromTokens(tokens), options);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bertlens::BertTokenizer lower = make(true), cased = make(false);
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const size_t split = text.find('\t');
    for (const auto *tokenizer : {&lower, &cased}) {
        for (int maxLength : {0, 3, 9}) {
            try {
                const auto e = split == std::string_view::npos ? tokenizer->encode(text, maxLength)
                                                               : tokenizer->encodePair(text.substr(0, split), text.substr(split + 1), maxLength);
                if (e.ids.size() != e.tokens.size() || e.ids.size() != e.offsets.size() || (maxLength && e.size() > maxLength))
                    std::abort();
                for (const auto &[begin, end] : e.offsets)
                    if (begin < 0 || end < begin || size_t(end) > size)
                        std::abort();
            } catch (const bertlens::Error &) {
            }
        }
    }
    return 0;
}
