// Any bytes as a saved corpus index beside a corpus: load() must refuse what does not match the
// model and corpus and what is damaged. What it accepts answers with cosines of the corpus's own
// lines and tokens; the index it saved itself answers exactly as the fresh one. (A file whose
// checksum was recomputed after its vectors were changed is a forgery the checksum cannot see:
// libFuzzer finds the checksum by its comparisons, so that is all it can be asked of such a file.)
#include "fuzz_input.h"

#include "analysis/corpus_index.h"
#include "common/error.h"
#include "model/loaded_model.h"

#include <ATen/ATen.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace {

// The corpus the seed index (seeds/corpus_index) was made from, with the tiny test model.
bool isCosine(double score) { return std::isfinite(score) && std::abs(score) <= 1.02; }

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

constexpr char kCorpus[] = "the quick brown fox\thello\nhello world\n\nthe lazy dog\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    static const auto model = LoadedModel::load(BERTLENS_FIXTURES_DIR "/models/tiny-safetensors");
    static const std::string corpus = fuzz::writeScratch("corpus.txt", reinterpret_cast<const uint8_t *>(kCorpus), sizeof kCorpus - 1);
    static const CorpusIndex fresh = CorpusIndex::build(*model, corpus, CorpusIndexOptions());
    static const std::string saved = [] {
        const std::string path = fuzz::scratchDir() + "/fresh.bertlens-index";
        fresh.save(path);
        return readAll(path);
    }();
    const std::string path = fuzz::writeScratch("corpus.txt.bertlens-index", data, size);
    try {
        const CorpusIndex index = CorpusIndex::load(path, *model, corpus, CorpusIndexOptions());
        if (index.empty())
            return 0;
        const bool same = size == saved.size() && std::memcmp(data, saved.data(), size) == 0;
        const at::Tensor probe = at::ones({model->config.hiddenSize});
        const auto tokens = index.nearestTokens(probe, 5, *model->tokenizer);
        const auto expectedTokens = fresh.nearestTokens(probe, 5, *model->tokenizer);
        if (tokens.size() != expectedTokens.size())
            std::abort();
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (!isCosine(tokens[i].score) || index.lineAt(tokens[i].line).text != fresh.lineAt(tokens[i].line).text)
                std::abort();
            if (same && (tokens[i].line != expectedTokens[i].line || tokens[i].token != expectedTokens[i].token
                         || tokens[i].score != expectedTokens[i].score))
                std::abort();
        }
        const auto lines = index.nearestLines(probe, 5), expectedLines = fresh.nearestLines(probe, 5);
        if (lines.size() != expectedLines.size())
            std::abort();
        for (size_t i = 0; i < lines.size(); ++i) {
            if (!isCosine(lines[i].score) || index.lineAt(lines[i].line).text != fresh.lineAt(lines[i].line).text)
                std::abort();
            if (same && (lines[i].line != expectedLines[i].line || lines[i].score != expectedLines[i].score))
                std::abort();
        }
        (void)index.projectLines(2);
    } catch (const Error &) {
    }
    return 0;
}
