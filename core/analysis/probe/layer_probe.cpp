#include "analysis/probe/layer_probe.h"

#include "analysis/maps/seeded_random.h"
#include "analysis/pooling.h"
#include "analysis/probe/logistic_regression.h"
#include "common/error.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace bertlens {

namespace {

// Collects every hidden state of every input, pooled, in input order.
class PooledLayersSink : public SentenceSink {
public:
    PooledLayersSink(Pooling pooling, int64_t count) : m_pooling(pooling), m_count(count) {}
    void add(const SentenceResult &result) override
    {
        const at::Tensor hidden = result.output.hidden.to(at::kFloat); // [L + 1, T, H]
        if (!m_vectors.defined())
            m_vectors = at::zeros({m_count, hidden.size(0), hidden.size(2)}, at::kFloat);
        const at::Tensor mask = at::ones({1, hidden.size(1)}, at::kFloat);
        m_vectors[result.index] = poolTokens(hidden.unsqueeze(1), mask, m_pooling).squeeze(1);
    }
    at::Tensor vectors() const { return m_vectors; }

private:
    Pooling m_pooling;
    int64_t m_count;
    at::Tensor m_vectors;
};

double accuracy(const std::vector<int> &predicted, const std::vector<int> &truth)
{
    size_t right = 0;
    for (size_t i = 0; i < truth.size(); ++i)
        right += predicted[i] == truth[i];
    return truth.empty() ? 0.0 : double(right) / double(truth.size());
}

} // namespace

double LayerProbe::mean(const std::vector<double> &folds)
{
    return folds.empty() ? 0.0 : std::accumulate(folds.begin(), folds.end(), 0.0) / double(folds.size());
}

double LayerProbe::deviation(const std::vector<double> &folds)
{
    const double m = mean(folds);
    double sum = 0;
    for (double f : folds)
        sum += (f - m) * (f - m);
    return folds.empty() ? 0.0 : std::sqrt(sum / double(folds.size()));
}

std::vector<int> probeFolds(const std::vector<int> &labelOf, int classes, int folds)
{
    std::vector<int> seen(size_t(classes), 0), fold(labelOf.size());
    for (size_t i = 0; i < labelOf.size(); ++i)
        fold[i] = seen[size_t(labelOf[i])]++ % folds;
    return fold;
}

ProbeResult probeVectors(const at::Tensor &vectors, const std::vector<std::string> &labels, const ProbeOptions &options)
{
    c10::InferenceMode inference;
    ProbeResult result;
    result.folds = options.folds;
    result.pooling = options.pooling;
    if (options.folds < 2)
        throw Error(ErrorKind::Usage, "a probe needs at least 2 folds (got " + std::to_string(options.folds) + ")");
    std::map<std::string, int> index;
    std::vector<int> labelOf;
    for (const std::string &label : labels) {
        const auto [it, added] = index.emplace(label, int(result.labels.size()));
        if (added)
            result.labels.push_back(label), result.counts.push_back(0);
        ++result.counts[size_t(it->second)];
        labelOf.push_back(it->second);
    }
    const int classes = int(result.labels.size());
    if (classes < 2)
        throw inputError("a probe needs lines of at least two labels (all " + std::to_string(labels.size()) + " lines are labelled \""
                         + (labels.empty() ? std::string() : labels.front()) + "\")");
    for (int c = 0; c < classes; ++c)
        if (result.counts[size_t(c)] < options.folds)
            throw inputError("the label \"" + result.labels[size_t(c)] + "\" has " + std::to_string(result.counts[size_t(c)])
                             + " lines: each label needs at least as many as the " + std::to_string(options.folds) + " folds");
    result.majority = double(*std::max_element(result.counts.begin(), result.counts.end())) / double(labels.size());
    const std::vector<int> fold = probeFolds(labelOf, classes, options.folds);
    const int64_t layers = vectors.size(1);
    for (int64_t layer = 0; layer < layers; ++layer) {
        if (options.cancel)
            options.cancel->throwIfCancelled();
        const at::Tensor x = vectors.select(1, layer).to(at::kDouble);
        LayerProbe probe;
        probe.layer = int(layer);
        for (int f = 0; f < options.folds; ++f) {
            std::vector<int64_t> train, test;
            std::vector<int> trainLabels, testLabels;
            for (size_t i = 0; i < labelOf.size(); ++i)
                (fold[i] == f ? test : train).push_back(int64_t(i)), (fold[i] == f ? testLabels : trainLabels).push_back(labelOf[i]);
            const at::Tensor trainX = x.index_select(0, at::tensor(train, at::kLong));
            const at::Tensor testX = x.index_select(0, at::tensor(test, at::kLong));
            LogisticRegression fitted;
            fitted.fit(trainX, trainLabels, classes, options.c);
            probe.accuracy.push_back(accuracy(fitted.predict(testX), testLabels));
            // The control: the training labels shuffled (seeded per fold, the same for every layer).
            std::vector<int> shuffled = trainLabels;
            SeededRandom random(options.seed * 1000003ull + uint64_t(f));
            for (size_t i = shuffled.size(); i > 1; --i)
                std::swap(shuffled[i - 1], shuffled[random.below(uint32_t(i))]);
            LogisticRegression control;
            control.fit(trainX, shuffled, classes, options.c);
            probe.control.push_back(accuracy(control.predict(testX), testLabels));
        }
        result.layers.push_back(std::move(probe));
        if (options.progress)
            options.progress(vectors.size(0) + layer + 1, vectors.size(0) + layers);
    }
    return result;
}

at::Tensor pooledLayers(const LoadedModel &model, const std::vector<LabelledInput> &examples, Pooling pooling, const CancelToken *cancel,
                        const ProgressFn &progress)
{
    std::vector<SentenceInput> inputs;
    for (const LabelledInput &e : examples)
        inputs.push_back(e.input);
    InputList source(std::move(inputs));
    PooledLayersSink sink(pooling, int64_t(examples.size()));
    PipelineOptions pipeline;
    pipeline.cancel = cancel;
    pipeline.progress = progress;
    runPipeline(model, source, sink, pipeline);
    return sink.vectors();
}

ProbeResult probeLayers(const LoadedModel &model, const std::vector<LabelledInput> &examples, const ProbeOptions &options)
{
    const long long total = (long long)examples.size() + model.config.numLayers + 1;
    ProgressFn embedded;
    if (options.progress)
        embedded = [&](long long done, long long) { options.progress(done, total); };
    const at::Tensor vectors = pooledLayers(model, examples, options.pooling, options.cancel, embedded);
    std::vector<std::string> labels;
    for (const LabelledInput &e : examples)
        labels.push_back(e.label);
    return probeVectors(vectors, labels, options);
}

} // namespace bertlens
