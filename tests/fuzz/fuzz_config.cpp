// Any bytes as config.json: a validated config or a named refusal.
#include "common/error.h"
#include "model/bert_config.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        const auto config = bertlens::BertConfig::fromJson(std::string(reinterpret_cast<const char *>(data), size), "config.json");
        config.validate("config.json");
        (void)bertlens::BertConfig::fromJson(config.toJson(), "round trip");
    } catch (const bertlens::Error &) {
    }
    return 0;
}
