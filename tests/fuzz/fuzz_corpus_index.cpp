// Any bytes as a saved corpus index beside a corpus: load() must refuse what does not match the
// model and corpus, and what it accepts must be searchable without reading out of bounds.
#include "fuzz_input.h"

#include "analysis/corpus_index.h"
#include "common/error.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>

namespace {

// The corpus the seed index (seeds/corpus_index) was made from, with the tiny test model.
constexpr char kCorpus[] = "the quick brown fox\thello\nhello world\n\nthe lazy dog\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    static const auto model = LoadedModel::load(BERTLENS_FIXTURES_DIR "/models/tiny-safetensors");
    static const std::string corpus = fuzz::writeScratch("corpus.txt", reinterpret_cast<const uint8_t *>(kCorpus), sizeof kCorpus - 1);
    const std::string path = fuzz::writeScratch("corpus.txt.bertlens-index", data, size);
    try {
        const CorpusIndex index = CorpusIndex::load(path, *model, corpus, CorpusIndexOptions());
        if (!index.empty()) {
            const at::Tensor probe = at::ones({model->config.hiddenSize});
            for (const TokenHit &hit : index.nearestTokens(probe, 5, model->tokenizer->vocab()))
                (void)index.lineAt(hit.line);
            for (const SentenceHit &hit : index.nearestLines(probe, 5))
                (void)index.lineAt(hit.line);
            (void)index.projectLines(2);
        }
    } catch (const Error &) {
    }
    return 0;
}
