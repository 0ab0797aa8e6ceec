// Any bytes as a saved corpus index beside a corpus: load() must refuse what does not match the
// model and corpus, and what it accepts must answer exactly as a fresh index of that corpus does
// (a damaged index that answers differently is a wrong answer, not a refusal).
#include "fuzz_input.h"

#include "analysis/corpus_index.h"
#include "common/error.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>

#include <cstdlib>

namespace {

// The corpus the seed index (seeds/corpus_index) was made from, with the tiny test model.
constexpr char kCorpus[] = "the quick brown fox\thello\nhello world\n\nthe lazy dog\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    static const auto model = LoadedModel::load(BERTLENS_FIXTURES_DIR "/models/tiny-safetensors");
    static const std::string corpus = fuzz::writeScratch("corpus.txt", reinterpret_cast<const uint8_t *>(kCorpus), sizeof kCorpus - 1);
    static const CorpusIndex fresh = CorpusIndex::build(*model, corpus, CorpusIndexOptions());
    const std::string path = fuzz::writeScratch("corpus.txt.bertlens-index", data, size);
    try {
        const CorpusIndex index = CorpusIndex::load(path, *model, corpus, CorpusIndexOptions());
        if (!index.empty()) {
            const at::Tensor probe = at::ones({model->config.hiddenSize});
            const auto tokens = index.nearestTokens(probe, 5, *model->tokenizer);
            const auto expectedTokens = fresh.nearestTokens(probe, 5, *model->tokenizer);
            if (tokens.size() != expectedTokens.size())
                std::abort();
            for (size_t i = 0; i < tokens.size(); ++i)
                if (tokens[i].line != expectedTokens[i].line || tokens[i].token != expectedTokens[i].token
                    || tokens[i].score != expectedTokens[i].score || index.lineAt(tokens[i].line).text != fresh.lineAt(tokens[i].line).text)
                    std::abort();
            const auto lines = index.nearestLines(probe, 5), expectedLines = fresh.nearestLines(probe, 5);
            if (lines.size() != expectedLines.size())
                std::abort();
            for (size_t i = 0; i < lines.size(); ++i)
                if (lines[i].line != expectedLines[i].line || lines[i].score != expectedLines[i].score)
                    std::abort();
            (void)index.projectLines(2);
        }
    } catch (const Error &) {
    }
    return 0;
}
