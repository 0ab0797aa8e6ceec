// Attribution and knock-out on a bert-base-shaped model (random weights, an MLM head), a 32-token
// text with one [MASK], as ratios to one forward pass of the same text measured in the same run
// (issue 23's targets: integrated gradients with the default steps ≤ 2 s, the head-importance map
// of 144 heads ≤ 3 s, at 2 threads). Also integrated gradients' completeness error by step count.
// Usage: bench_explain [--threads N] [--quick]
#include "analysis/attribution.h"
#include "analysis/head_importance.h"
#include "common/threads.h"
#include "median_time.h"
#include "model/loaded_model.h"
#include "model/random_model.h"
#include "pipeline/batch.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>

using namespace bertlens;

int main(int argc, char **argv)
{
    int threads = 2;
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--quick"))
            quick = true;
    }
    setComputeThreads(threads);
    const int repeats = quick ? 1 : 3;
    QTemporaryDir dir;
    RandomModelOptions options; // bert-base: 12 layers, H 768, 12 heads, FFN 3072, vocab 30522
    options.seed = 7;
    options.keyPrefix = "bert.";
    options.withMlmHead = true;
    writeRandomModel(dir.path().toStdString(), options);
    const auto model = LoadedModel::load(dir.path().toStdString());
    model->differentiable(); // loaded once, as the window keeps it

    ExplainRequest request; // the synthetic vocabulary spells words letter by letter: 32 tokens
    request.text.text = "a cat sat on [MASK] mat by the door in red car";
    const Encoding e = model->tokenizer->encode(request.text.text);
    const double forward = bench::medianSeconds([&] {
        c10::InferenceMode inference;
        ForwardOptions lastLayer;
        lastLayer.layers = {model->config.numLayers};
        model->encoder->forward(makeBatch({&e}, model->tokenizer->padId()), lastLayer);
    }, repeats + 4);
    std::printf("BertLens explain benchmark: bert-base shape, random weights, %d tokens, %d threads\n\n", e.size(), threads);
    std::printf("%-40s %10s %10s\n", "case", "time", "ratio");
    std::printf("%-40s %8.1f ms %10s\n", "one forward pass (baseline)", forward * 1e3, "1.0");
    auto row = [&](const char *name, const std::function<void()> &work) {
        const double s = bench::medianSeconds(work, repeats);
        std::printf("%-40s %8.1f ms %10.1f\n", name, s * 1e3, s / forward);
    };
    row("occlusion (one pass per token)", [&] { attribute(*model, request, ExplainMethod::Occlusion); });
    row("gradient x input", [&] { attribute(*model, request, ExplainMethod::Gradient); });
    char name[64];
    for (int steps : {16, 24, 32}) {
        std::snprintf(name, sizeof name, "integrated gradients, %d steps%s", steps, steps == kDefaultIntegrationSteps ? " (default)" : "");
        row(name, [&] { attribute(*model, request, ExplainMethod::IntegratedGradients, steps); });
    }
    row("head importance (144 heads + 12 FFN)", [&] { headImportance(*model, request); });

    std::printf("\nintegrated gradients' completeness error |sum - (f(x) - f(x'))| / |f(x) - f(x')|\n");
    for (int steps : {4, 8, 16, 32, 64}) {
        const Attribution a = attribute(*model, request, ExplainMethod::IntegratedGradients, steps);
        std::printf("  %3d steps: %.5f %%\n", steps, 100 * a.completenessError());
    }
    return 0;
}
