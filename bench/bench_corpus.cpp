// Corpus search at scale: indexing speed (lines/s), the index's memory, query latency (a line
// query with its forward pass; a token query from a vector, as the window asks), and the time of
// the PCA of every line vector. With --recall, the corpus is indexed again with no memory budget
// (every token vector at full width): the default index's top-20 recall against that exact one,
// the exact index's query time, and the randomised PCA's difference from the exact SVD.
//
// Usage:
//   bench_corpus --make-corpus N OUT.txt              N synthetic labelled sentences
//   bench_corpus --make-model DIR [LAYERS]            a random bert-base-width model (768, 12 heads;
//                                                      the real uncased vocabulary from ../shared/vocab when present)
//   bench_corpus MODEL_DIR CORPUS.txt [fp32|bf16] [--recall] [--reuse]
//     --reuse: reopen the index a previous run saved instead of building it (queries and PCA only)
#include "analysis/corpus_index.h"
#include "analysis/projection.h"
#include "common/threads.h"
#include "model/loaded_model.h"
#include "model/random_model.h"
#include "tokenizer/vocab.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <sys/stat.h>

using namespace bertlens;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double statusMegabytes(const char *field)
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(field, 0) == 0)
            return std::stod(line.substr(std::strlen(field))) / 1024.0;
    return 0;
}
double peakResidentMegabytes() { return statusMegabytes("VmHWM:"); }

int makeCorpus(long long n, const char *path)
{
    // Sentences of 8–30 words from topic word lists; the topic is the label.
    const std::vector<std::pair<const char *, std::vector<const char *>>> topics = {
        {"finance", {"bank", "money", "interest", "loan", "account", "market", "price", "shares", "budget", "tax", "credit", "profit"}},
        {"nature", {"river", "forest", "rain", "mountain", "bird", "tree", "flower", "lake", "snow", "wind", "field", "stone"}},
        {"sport", {"team", "match", "goal", "player", "coach", "season", "score", "ball", "race", "league", "win", "training"}},
        {"food", {"bread", "soup", "rice", "cheese", "apple", "kitchen", "dinner", "recipe", "salt", "tea", "cake", "market"}},
        {"school", {"teacher", "lesson", "student", "book", "exam", "class", "homework", "school", "reading", "library", "notes", "test"}}};
    const std::vector<const char *> common = {"the", "a", "of", "and", "in", "to", "was", "is", "with", "for", "on", "after",
                                              "before", "every", "old", "new", "small", "big", "morning", "today", "we", "they"};
    std::mt19937 gen(42);
    std::ofstream out(path);
    for (long long i = 0; i < n; ++i) {
        const auto &[label, words] = topics[size_t(gen() % topics.size())];
        const int length = 8 + int(gen() % 23);
        std::string line;
        for (int w = 0; w < length; ++w) {
            const char *word = gen() % 3 ? common[gen() % common.size()] : words[gen() % words.size()];
            line += (w ? " " : "") + std::string(word);
        }
        out << line << ".\t" << label << "\n";
    }
    return 0;
}

int makeModel(const char *dir, int layers)
{
    RandomModelOptions options;
    options.config.numLayers = layers;
    const std::string shared = "../shared/vocab/bert-base-uncased/vocab.txt";
    std::ifstream vocab(shared);
    for (std::string line; std::getline(vocab, line);)
        options.vocab.push_back(line);
    options.config.vocabSize = options.vocab.empty() ? 30522 : int(options.vocab.size());
    options.seed = 1;
    writeRandomModel(dir, options);
    std::printf("wrote %s: %d layers, 768 wide, %s vocabulary\n", dir, layers, options.vocab.empty() ? "synthetic" : "bert-base-uncased");
    return 0;
}

template <class F> double medianMs(int runs, F &&f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        f(i);
        ms.push_back(since(t) * 1000);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 4 && !std::strcmp(argv[1], "--make-corpus"))
        return makeCorpus(std::atoll(argv[2]), argv[3]);
    if (argc >= 3 && !std::strcmp(argv[1], "--make-model"))
        return makeModel(argv[2], argc > 3 ? std::atoi(argv[3]) : 12);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_corpus MODEL_DIR CORPUS.txt [fp32|bf16] [--recall] (or --make-corpus / --make-model)\n");
        return 2;
    }
    setComputeThreads(defaultComputeThreads());
    const Precision precision = argc > 3 && argv[3][0] != '-' ? parsePrecision(argv[3]) : Precision::Float32;
    bool recall = false, reuse = false;
    for (int i = 3; i < argc; ++i) {
        recall = recall || !std::strcmp(argv[i], "--recall");
        reuse = reuse || !std::strcmp(argv[i], "--reuse");
    }
    const auto model = LoadedModel::load(argv[1], precision);
    const std::string corpus = argv[2];

    auto t = Clock::now();
    CorpusIndexOptions options;
    int decile = 0;
    options.progress = [&](long long done, long long total) { // where the memory goes while indexing
        if (total > 0 && done * 10 >= total * (decile + 1)) {
            decile = int(done * 10 / total);
            std::fprintf(stderr, "  %d%%: resident %.0f MB, peak %.0f MB\n", decile * 10, statusMegabytes("VmRSS:"), peakResidentMegabytes());
        }
    };
    const CorpusIndex index = reuse ? CorpusIndex::load(CorpusIndex::indexPathFor(corpus), *model, corpus, options)
                                    : CorpusIndex::build(*model, corpus, options);
    if (index.empty()) {
        std::fprintf(stderr, "no index\n");
        return 1;
    }
    const double build = since(t);
    const double lines = double(index.lines().size());
    std::printf("index: %.0f lines, %lld token occurrences, %d layers × %d, %s: %.1f s = %.0f lines/s, %.0f tokens/s\n", lines,
                index.tokenCount(), model->config.numLayers, model->config.hiddenSize, precisionName(model->encoder->precision()).c_str(),
                build, lines / build, double(index.tokenCount()) / build);
    std::printf("memory: index %.0f MB (token vectors %d-dimensional float16%s); peak resident %.0f MB\n", index.memoryBytes() / 1e6,
                index.tokenDims(), index.reduced() ? ", reduced" : "", peakResidentMegabytes());
    if (!reuse) {
        t = Clock::now();
        const std::string saved = CorpusIndex::indexPathFor(corpus); // kept: bench_corpus_view and --reuse reopen it
        index.save(saved);
        const double save = since(t);
        t = Clock::now();
        const CorpusIndex reopened = CorpusIndex::load(saved, *model, corpus, options);
        std::printf("saved in %.2f s, reopened in %.2f s (%s)\n", save, since(t), reopened.empty() ? "FAILED" : "ok");
    }

    const auto &all = index.lines();
    const double lineQuery = medianMs(21, [&](int i) { (void)index.nearestLines(*model, all[size_t(i * 37) % all.size()].text, 20); });
    // The window's token query: a vector it already has, against every occurrence.
    const at::Tensor vectors = at::randn({21, model->config.hiddenSize});
    const double tokenQuery = medianMs(21, [&](int i) { (void)index.nearestTokens(vectors[i], 20, *model->tokenizer); });
    std::printf("query (median of 21): lines like a text %.1f ms (forward pass included); occurrences of a token %.1f ms\n", lineQuery, tokenQuery);
    t = Clock::now();
    const PcaResult pca = index.projectLines(2);
    const double pcaSeconds = since(t);
    std::printf("PCA of %.0f × %d line vectors (%s): %.2f s (PC1 %.1f%%, PC2 %.1f%%)\n", lines, model->config.hiddenSize,
                lines * model->config.hiddenSize > CorpusIndex::kExactPcaElements ? "randomised SVD" : "exact SVD", pcaSeconds,
                100 * pca.explainedRatio[0], 100 * pca.explainedRatio[1]);

    if (recall || reuse) {
        t = Clock::now();
        const PcaResult exactPca = bertlens::pca([&] {
            const at::Tensor v = index.lineVectors().contiguous();
            Matrix m(int(v.size(0)), int(v.size(1)));
            std::copy(v.data_ptr<float>(), v.data_ptr<float>() + v.numel(), m.values.begin());
            return m;
        }(), 2);
        double worst = 0;
        for (size_t i = 0; i < pca.components.values.size(); ++i)
            worst = std::max(worst, double(std::abs(pca.components.values[i] - exactPca.components.values[i])));
        std::printf("exact SVD for comparison: %.2f s; largest difference of a component's loading %.2e; explained %.4f%% / %.4f%% vs %.4f%% / %.4f%%\n",
                    since(t), worst, 100 * pca.explainedRatio[0], 100 * pca.explainedRatio[1], 100 * exactPca.explainedRatio[0],
                    100 * exactPca.explainedRatio[1]);
    }
    if (recall) {
        CorpusIndexOptions unbounded;
        unbounded.tokenBudgetBytes = 1ll << 40;
        t = Clock::now();
        const CorpusIndex exact = CorpusIndex::build(*model, corpus, unbounded);
        std::printf("exact index (%d dimensions): %.1f s, %.0f MB\n", exact.tokenDims(), since(t), exact.memoryBytes() / 1e6);
        // Queries: real token vectors of corpus lines (the window's case), top 20 of each.
        int found = 0, asked = 0;
        for (int q = 0; q < 50; ++q) {
            const std::string &text = all[size_t(q * 101) % all.size()].text;
            const auto e = exact.nearestTokens(*model, text, 1, 20), r = index.nearestTokens(*model, text, 1, 20);
            for (const TokenHit &h : r)
                found += std::any_of(e.begin(), e.end(), [&](const TokenHit &x) { return x.line == h.line && x.token == h.token; });
            asked += int(e.size());
        }
        const double exactQuery = medianMs(21, [&](int i) { (void)exact.nearestTokens(vectors[i], 20, *model->tokenizer); });
        std::printf("default index: recall@20 against the exact index %.3f (%d of %d); the exact index's token query %.1f ms\n",
                    double(found) / asked, found, asked, exactQuery);
    }
    return 0;
}
