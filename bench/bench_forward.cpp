// Forward-pass throughput of a bert-base-sized model with random weights, reported beside the
// fp32 GEMM rate measured in the same run, so that figures compare across machines:
//   ratio = achieved GFLOP/s of the forward pass / GFLOP/s of one large matmul.
// The 128-token cases keep the last layer only (as a corpus export does); the 32-token case
// keeps every hidden state and attention map (as the window does).
// Usage: bench_forward [--quick] [--threads N[,M...]] [--precision fp32|bf16|both] [--json FILE]
//   --json: the times in ms, {"fp32": {"seq128batch1": ..., "seq128batch16": ..., "sentence32": ...}, ...}
//   (bench/peers/run.sh sets them beside ONNX Runtime's)
#include "common/threads.h"
#include "median_time.h"
#include "model/checkpoint.h"
#include "model/bert_model.h"
#include "model/packed_linear.h"
#include "model/precision.h"
#include "model/random_model.h"
#include "tokenizer/encoding.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace bertlens;

namespace {


// The GEMM the forward pass is built from (oneDNN through PackedLinear), on one large square
// problem: what this machine and build can do.
double matmulGflops(int repeats)
{
    const int64_t n = 2048;
    const at::Tensor a = at::randn({n, n});
    const PackedLinear linear({at::randn({n, n}), at::zeros({n})}, Precision::Float32);
    linear(a); // warm-up
    const double s = bench::medianSeconds([&] { linear(a); }, repeats);
    return 2.0 * n * n * n / s / 1e9;
}

// Multiply-adds of the encoder (embeddings and softmax are negligible), times two.
double forwardFlops(const BertConfig &c, int64_t batch, int64_t t)
{
    const double h = c.hiddenSize, f = c.intermediateSize;
    const double perToken = 2 * (4 * h * h + 2 * h * f + 2 * t * h);
    return c.numLayers * double(batch * t) * perToken;
}

Batch randomBatch(const BertConfig &c, int64_t batch, int64_t t)
{
    return {at::randint(1000, c.vocabSize, {batch, t}, at::kLong), at::zeros({batch, t}, at::kLong),
            at::ones({batch, t}, at::kLong)};
}

} // namespace

int main(int argc, char **argv)
{
    bool quick = false;
    std::string jsonPath;
    std::vector<int> threadCounts = {1, 2};
    std::vector<Precision> precisions = {Precision::Float32, Precision::BFloat16};
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) {
            quick = true;
        } else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
            threadCounts.clear();
            for (const char *p = argv[++i]; *p;) {
                threadCounts.push_back(std::atoi(p));
                while (*p && *p != ',')
                    ++p;
                if (*p == ',')
                    ++p;
            }
        } else if (!std::strcmp(argv[i], "--json") && i + 1 < argc) {
            jsonPath = argv[++i];
        } else if (!std::strcmp(argv[i], "--precision") && i + 1 < argc) {
            const std::string p = argv[++i];
            precisions = p == "both" ? precisions : std::vector<Precision>{parsePrecision(p)};
        }
    }
    const int repeats = quick ? 1 : 3;
    c10::InferenceMode inferenceMode;

    RandomModelOptions options; // bert-base: 12 layers, H 768, 12 heads, FFN 3072, vocab 30522
    options.seed = 1;
    const Checkpoint weights(randomWeights(options), "random bert-base");
    const BertConfig &c = options.config;

    std::printf("BertLens forward benchmark: bert-base shape (L=%d, H=%d, heads=%d, FFN=%d), random weights\n\n",
                c.numLayers, c.hiddenSize, c.numHeads, c.intermediateSize);
    std::printf("%-8s %-5s %-30s %12s %12s %10s %10s\n", "threads", "prec", "case", "time", "tokens/s", "GFLOP/s", "ratio");
    std::string json;
    for (Precision wanted : precisions)
    for (int threads : threadCounts) {
        std::string why;
        const Precision precision = effectivePrecision(wanted, &why);
        if (!why.empty())
            std::printf("%s\n", why.c_str());
        const BertModel model(c, encoderWeights(c, weights), precision);
        const std::string precName = precisionName(precision);
        const char *prec = precName.c_str();
        setComputeThreads(threads);
        const double matmul = matmulGflops(repeats + 2);
        std::printf("%-8d %-5s %-30s %12s %12s %10.1f %10s\n", threads, "fp32", "matmul 2048^2 (baseline)", "", "", matmul, "1.00");
        std::string times;
        ForwardOptions lastLayer;
        lastLayer.layers = {c.numLayers};
        for (int64_t batch : {int64_t(1), int64_t(4), int64_t(16)}) {
            const int64_t t = 128;
            const Batch input = randomBatch(c, batch, t);
            model.forward(input, lastLayer); // warm-up
            const double s = bench::medianSeconds([&] { model.forward(input, lastLayer); }, repeats);
            times += "\"seq128batch" + std::to_string(batch) + "\": " + std::to_string(s * 1e3) + ", ";
            const double gflops = forwardFlops(c, batch, t) / s / 1e9;
            const std::string label = "seq 128, batch " + std::to_string(batch);
            std::printf("%-8d %-5s %-30s %10.1f ms %12.0f %10.1f %10.2f\n", threads, prec, label.c_str(), s * 1e3, double(batch * t) / s,
                        gflops, gflops / matmul);
        }
        const Batch sentence = randomBatch(c, 1, 32);
        ForwardOptions withAttentions;
        withAttentions.attentions = true;
        model.forward(sentence, withAttentions);
        const double s = bench::medianSeconds([&] { model.forward(sentence, withAttentions); }, repeats + 4);
        std::printf("%-8d %-5s %-30s %10.1f ms %12.0f %10.1f %10.2f\n", threads, prec, "32 tokens + all attentions", s * 1e3, 32 / s,
                    forwardFlops(c, 1, 32) / s / 1e9, forwardFlops(c, 1, 32) / s / 1e9 / matmul);
        times += "\"sentence32\": " + std::to_string(s * 1e3);
        json += (json.empty() ? "{" : ", ") + std::string("\"") + precName + "\": {" + times + "}";
    }
    if (!jsonPath.empty()) {
        FILE *f = std::fopen(jsonPath.c_str(), "w");
        if (!f)
            return 1;
        std::fprintf(f, "%s}\n", json.c_str());
        std::fclose(f);
    }
    return 0;
}
