// Masked-token predictions (every layer) and attention rollout against the float64 reference of
// tests/fixtures/make_model_fixtures.py.
#include "fixtures.h"

#include "analysis/attention_rollout.h"
#include "analysis/mask_predictions.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"

using namespace bertlens;

namespace {

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

SentenceOutput runAlone(const Encoding &e)
{
    ForwardOptions options;
    options.attentions = true;
    return sentenceOf(tinyModel()->encoder->forward(makeBatch({&e}, 0), options), 0, e.size());
}

} // namespace

class TestPredictions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fillMaskMatchesReferenceAtEveryLayer()
    {
        const Encoding e = tinyModel()->tokenizer->encode("the [MASK] jumps over the [MASK] dog!");
        const at::Tensor ids = test::goldenTensor("fill.ids");
        QCOMPARE(int64_t(e.size()), ids.size(0));
        const at::Tensor expected = test::goldenTensor("fill.probs").to(at::kDouble); // [L+1, masks, V]
        const auto masks = predictMasks(*tinyModel(), e, runAlone(e), 5, true);
        QCOMPARE(int64_t(masks.size()), expected.size(1));
        for (size_t m = 0; m < masks.size(); ++m) {
            QCOMPARE(int64_t(masks[m].index), test::goldenTensor("fill.mask_index")[long(m)].item<int64_t>());
            QCOMPARE(int64_t(masks[m].layers.size()), expected.size(0));
            for (size_t l = 0; l < masks[m].layers.size(); ++l) {
                const at::Tensor reference = expected[long(l)][long(m)];
                const auto [values, order] = reference.topk(5);
                for (size_t k = 0; k < 5; ++k) {
                    const TokenPrediction &p = masks[m].layers[l][k];
                    QVERIFY2(std::abs(p.probability - reference[p.id].item<double>()) < 1e-5, "probability");
                    QVERIFY2(std::abs(p.probability - values[long(k)].item<double>()) < 1e-5, "ranking");
                    QCOMPARE(p.token, tinyModel()->tokenizer->label(p.id));
                }
            }
            // The last layer's predictions are the plain ones.
            QCOMPARE(masks[m].top.front().id, masks[m].layers.back().front().id);
        }
    }

    void noMaskNoPredictions()
    {
        const Encoding e = tinyModel()->tokenizer->encode("hello world");
        QVERIFY(predictMasks(*tinyModel(), e, runAlone(e), 10, false).empty());
    }

    void rolloutMatchesReference()
    {
        const auto sentences = test::goldenSentences();
        for (size_t s = 0; s < sentences.size(); ++s) {
            const auto &in = sentences[s];
            const Encoding e = in.hasPair ? tinyModel()->tokenizer->encodePair(in.text, in.pair) : tinyModel()->tokenizer->encode(in.text);
            const at::Tensor rollout = attentionRollout(runAlone(e).attentions);
            const double diff = test::maxAbsDiff(rollout, test::goldenTensor("s" + std::to_string(s) + ".rollout"));
            QVERIFY2(diff < test::kTolerance, std::to_string(diff).c_str());
            QVERIFY(test::maxAbsDiff(rollout.sum(-1), at::ones({rollout.size(0), rollout.size(1)})) < 1e-5);
        }
    }
};

QTEST_GUILESS_MAIN(TestPredictions)
#include "test_predictions.moc"
