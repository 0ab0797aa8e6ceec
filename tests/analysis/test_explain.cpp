// Attribution, head importance and knock-outs against the float64 reference of
// tests/fixtures/make_explain_fixture.py (its own BERT, autograd checked against central finite
// differences, numpy's Gauss–Legendre nodes), at 1e-4; integrated gradients' completeness on
// BertLens Mini and on a bert-base-shaped model.
#include "fixtures.h"

#include "analysis/attribution.h"
#include "analysis/head_importance.h"
#include "model/bundled_model.h"
#include "model/forward_trace.h"
#include "model/loaded_model.h"
#include "model/random_model.h"
#include "pipeline/pipeline.h"

#include <QTemporaryDir>

#include <c10/core/InferenceMode.h>

using namespace bertlens;

namespace {

constexpr double kTolerance = 1e-4;

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

QJsonObject golden()
{
    QFile f(test::fixture("explain_golden.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open explain_golden.json");
    return QJsonDocument::fromJson(f.readAll()).object();
}

Knockout knockoutOf(const QJsonObject &spec)
{
    Knockout k;
    for (const QJsonValue &h : spec["heads_out"].toArray())
        k.heads.insert({h.toArray()[0].toInt(), h.toArray()[1].toInt()});
    for (const QJsonValue &l : spec["ffn_out"].toArray())
        k.ffn.insert(l.toInt());
    return k;
}

ExplainRequest requestOf(const QJsonObject &spec)
{
    ExplainRequest r;
    r.kind = spec["target"].toString() == "mask" ? TargetKind::Mask : TargetKind::Similarity;
    r.text.text = spec["text"].toString().toStdString();
    if (r.kind == TargetKind::Similarity) {
        r.other.text = spec["other"].toString().toStdString();
        r.pooling = parsePooling(spec["pooling"].toString().toStdString());
        r.layer = spec.contains("layer") ? spec["layer"].toInt() : -1;
    } else if (spec.contains("token")) {
        r.tokenId = tinyModel()->tokenizer->vocab().id(spec["token"].toString().toStdString());
    }
    r.knockout = knockoutOf(spec);
    return r;
}

void compareScores(const Attribution &a, const QJsonArray &expected, double tolerance = kTolerance)
{
    QCOMPARE(qsizetype(a.scores.size()), expected.size());
    for (qsizetype text = 0; text < expected.size(); ++text) {
        const QJsonArray e = expected[text].toArray();
        QCOMPARE(qsizetype(a.scores[size_t(text)].size()), e.size());
        for (qsizetype i = 0; i < e.size(); ++i)
            if (std::abs(a.scores[size_t(text)][size_t(i)] - e[i].toDouble()) > tolerance)
                QFAIL(qPrintable(QString("text %1 token %2: %3, expected %4").arg(text).arg(i)
                                     .arg(a.scores[size_t(text)][size_t(i)]).arg(e[i].toDouble())));
    }
}

// A folder of the given shape with random weights and an MLM head.
std::shared_ptr<const LoadedModel> randomModel(const QString &dir, int layers, int hidden, int heads, int ffn, int vocab)
{
    RandomModelOptions options;
    options.config.numLayers = layers;
    options.config.hiddenSize = hidden;
    options.config.numHeads = heads;
    options.config.intermediateSize = ffn;
    options.config.vocabSize = vocab;
    options.seed = 11;
    options.keyPrefix = "bert.";
    options.withMlmHead = true;
    writeRandomModel(dir.toStdString(), options);
    return LoadedModel::load(dir.toStdString());
}

class CaptureSink : public SentenceSink {
public:
    void add(const SentenceResult &r) override { hidden = r.output.hidden.clone(); }
    at::Tensor hidden;
};

} // namespace

class TestExplain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void occlusionMatchesReference()
    {
        for (const QJsonValue &c : golden()["cases"].toArray()) {
            const QJsonObject spec = c.toObject();
            const Attribution a = attribute(*tinyModel(), requestOf(spec), ExplainMethod::Occlusion);
            QVERIFY2(std::abs(a.target - spec["f"].toDouble()) < kTolerance, qPrintable(spec["name"].toString()));
            if (spec["target"].toString() == "mask") {
                QCOMPARE(a.maskPosition, spec["mask_index"].toInt());
                QCOMPARE(a.tokenId, spec["token_id"].toInt());
            }
            compareScores(a, spec["occlusion"].toArray());
            QVERIFY(!a.hasBaseline());
        }
    }

    // The reference's gradients are central finite differences of its own forward (float64),
    // which it checks against autograd to 1e-6.
    void gradientTimesInputEqualsFiniteDifferences()
    {
        for (const QJsonValue &c : golden()["cases"].toArray()) {
            const QJsonObject spec = c.toObject();
            const Attribution a = attribute(*tinyModel(), requestOf(spec), ExplainMethod::Gradient);
            QVERIFY(std::abs(a.target - spec["f"].toDouble()) < kTolerance);
            compareScores(a, spec["gradient"].toArray());
        }
    }

    void integratedGradientsMatchReference()
    {
        const int steps = golden()["steps"].toInt();
        QCOMPARE(steps, kDefaultIntegrationSteps);
        for (const QJsonValue &c : golden()["cases"].toArray()) {
            const QJsonObject spec = c.toObject();
            const Attribution a = attribute(*tinyModel(), requestOf(spec), ExplainMethod::IntegratedGradients, steps);
            QVERIFY(a.hasBaseline());
            QCOMPARE(a.steps, steps);
            QVERIFY(std::abs(a.target - spec["f"].toDouble()) < kTolerance);
            QVERIFY(std::abs(a.baseline - spec["baseline"].toDouble()) < kTolerance);
            compareScores(a, spec["integrated_gradients"].toArray());
            QVERIFY2(a.completenessError() < 0.01, qPrintable(QString::number(a.completenessError())));
        }
    }

    void headImportanceMatchesReference()
    {
        for (const QJsonValue &c : golden()["cases"].toArray()) {
            const QJsonObject spec = c.toObject();
            const HeadImportance h = headImportance(*tinyModel(), requestOf(spec));
            QVERIFY(std::abs(h.target - spec["f"].toDouble()) < kTolerance);
            const QJsonArray heads = spec["head_importance"].toArray(), ffn = spec["ffn_importance"].toArray();
            QCOMPARE(h.heads.rows, int(heads.size()));
            for (int l = 0; l < h.heads.rows; ++l) {
                for (int head = 0; head < h.heads.cols; ++head)
                    QVERIFY2(std::abs(h.heads.at(l, head) - heads[l].toArray()[head].toDouble()) < kTolerance,
                             qPrintable(QString("%1: layer %2 head %3").arg(spec["name"].toString()).arg(l + 1).arg(head)));
                QVERIFY(std::abs(h.ffn[size_t(l)] - ffn[l].toDouble()) < kTolerance);
            }
        }
    }

    void knockOutChangesEveryHiddenStateAsTheReference()
    {
        const QJsonObject spec = golden()["knocked_out_hidden"].toObject();
        PipelineOptions options;
        options.knockout = knockoutOf(spec);
        CaptureSink sink;
        InputList inputs({{spec["text"].toString().toStdString(), spec["pair"].toString().toStdString(), true}});
        runPipeline(*tinyModel(), inputs, sink, options);
        std::vector<double> data;
        for (const QJsonValue &v : spec["data"].toArray())
            data.push_back(v.toDouble());
        const at::Tensor expected = at::tensor(data, at::kDouble).view(sink.hidden.sizes());
        QVERIFY(at::allclose(sink.hidden.to(at::kDouble), expected, 0, kTolerance));
        // … and it is not what the intact model computes.
        PipelineOptions intact;
        CaptureSink plain;
        InputList again({{spec["text"].toString().toStdString(), spec["pair"].toString().toStdString(), true}});
        runPipeline(*tinyModel(), again, plain, intact);
        QVERIFY(!at::allclose(plain.hidden.to(at::kDouble), expected, 0, 1e-2));
    }

    void parsesKnockoutsAsTheCliCountsThem()
    {
        const Knockout k = parseKnockout("1:2, 2:4", "2", 2, 4);
        QCOMPARE(k.heads, (std::set<std::pair<int, int>>{{1, 1}, {2, 3}}));
        QCOMPARE(k.ffn, std::set<int>{2});
        QCOMPARE(QString::fromStdString(k.describe()), QString("heads 1:2, 2:4; FFN 2"));
        QCOMPARE(k.firstLayer(), 1);
        for (const auto &[heads, ffn] : std::vector<std::pair<std::string, std::string>>{
                 {"0:1", ""}, {"3:1", ""}, {"1:0", ""}, {"1:5", ""}, {"x", ""}, {"1-2", ""}, {"1:2:3", ""}, {"", "3"}, {"", "a"}}) {
            try {
                parseKnockout(heads, ffn, 2, 4);
                QFAIL(qPrintable(QString::fromStdString("accepted '" + heads + "' '" + ffn + "'")));
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::Usage);
            }
        }
    }

    // An observer leaves the pass's numbers as they are (the trace once switched the FFN kernel).
    void traceObservesWithoutChanging()
    {
        c10::InferenceMode inference;
        const Encoding e = tinyModel()->tokenizer->encode("the quick brown fox");
        const Batch batch = makeBatch({&e}, 0);
        const at::Tensor plain = tinyModel()->encoder->forward(batch).hidden;
        ForwardTrace trace;
        trace.layer = 2;
        ForwardOptions traced;
        traced.hooks = {&trace};
        QVERIFY(at::equal(tinyModel()->encoder->forward(batch, traced).hidden, plain));
        QVERIFY(!trace.tensors.empty());
    }

    // A pass started from a layer's kept input equals the whole pass.
    void startingFromALayerEqualsTheWholePass()
    {
        c10::InferenceMode inference;
        const Encoding e = tinyModel()->tokenizer->encode("hello world");
        const Batch batch = makeBatch({&e}, 0);
        const at::Tensor all = tinyModel()->encoder->forward(batch).hidden;
        ForwardOptions from1;
        from1.startLayer = 1;
        from1.startHidden = all[1];
        QVERIFY(at::allclose(tinyModel()->encoder->forward(batch, from1).hidden[1], all[2], 0, 1e-6));
    }

    void refusesWhatIsNotATarget()
    {
        ExplainRequest none;
        none.text.text = "hello world";
        QVERIFY_THROWS_EXCEPTION(Error, attribute(*tinyModel(), none, ExplainMethod::Occlusion));
        ExplainRequest two;
        two.text.text = "[MASK] and [MASK]";
        QVERIFY_THROWS_EXCEPTION(Error, attribute(*tinyModel(), two, ExplainMethod::Occlusion));
        two.maskPosition = 3;
        QCOMPARE(attribute(*tinyModel(), two, ExplainMethod::Occlusion).maskPosition, 3);
        two.maskPosition = 2;
        QVERIFY_THROWS_EXCEPTION(Error, attribute(*tinyModel(), two, ExplainMethod::Occlusion));
        ExplainRequest similarity;
        similarity.kind = TargetKind::Similarity;
        similarity.text.text = "a";
        similarity.other.text = "b";
        similarity.pooling = Pooling::None;
        QVERIFY_THROWS_EXCEPTION(Error, attribute(*tinyModel(), similarity, ExplainMethod::Occlusion));
        QVERIFY_THROWS_EXCEPTION(Error, parseExplainMethod("saliency"));
        QVERIFY_THROWS_EXCEPTION(Error, attribute(*tinyModel(), similarity, ExplainMethod::IntegratedGradients, 0));
    }

    void gaussLegendreIntegratesPolynomialsExactly()
    {
        for (int n : {1, 2, 5, 24}) {
            const auto [nodes, weights] = gaussLegendre(n);
            for (int degree = 0; degree < 2 * n; ++degree) {
                double sum = 0;
                for (int i = 0; i < n; ++i)
                    sum += weights[size_t(i)] * std::pow(nodes[size_t(i)], degree);
                QVERIFY2(std::abs(sum - 1.0 / (degree + 1)) < 1e-12, qPrintable(QString("%1 nodes, x^%2").arg(n).arg(degree)));
            }
        }
    }

    void wordsSumTheirPieces()
    {
        ExplainRequest r;
        r.text.text = "the quick brown [MASK] jumps";
        const Attribution a = attribute(*tinyModel(), r, ExplainMethod::Occlusion);
        const WordGroups words = groupWords(a.encodings[0]);
        const std::vector<double> w = wordScores(a.scores[0], words);
        QCOMPARE(int(w.size()), words.size());
        const int jumps = words.wordOfToken[size_t(a.encodings[0].size() - 2)];
        QCOMPARE(w[size_t(jumps)], a.scores[0][size_t(a.encodings[0].size() - 3)] + a.scores[0][size_t(a.encodings[0].size() - 2)]);
    }

    void completenessOnMiniWithinOnePercent()
    {
        const std::string mini = bundledModelDir();
        if (mini.empty())
            QSKIP("BertLens Mini is not in this tree");
        const auto model = LoadedModel::load(mini);
        for (const char *text : {"The cat sat on the [MASK].", "She went to the [MASK] to buy bread.", "我今天很[MASK]。",
                                 "Paris is the capital of [MASK]."}) {
            ExplainRequest r;
            r.text.text = text;
            const Attribution a = attribute(*model, r, ExplainMethod::IntegratedGradients);
            QVERIFY2(a.completenessError() < 0.01, qPrintable(QString("%1: %2").arg(text).arg(a.completenessError())));
        }
        for (const auto &[a, b] : std::vector<std::pair<const char *, const char *>>{
                 {"The cat sat on the mat.", "A dog lay on the rug."}, {"I like tea.", "He hates coffee very much."},
                 {"今天天气很好。", "明天会下雨吗？"}}) {
            ExplainRequest r;
            r.kind = TargetKind::Similarity;
            r.text.text = a;
            r.other.text = b;
            const Attribution s = attribute(*model, r, ExplainMethod::IntegratedGradients);
            QVERIFY2(s.completenessError() < 0.01, qPrintable(QString("%1 / %2: %3").arg(a, b).arg(s.completenessError())));
        }
    }

    void completenessOnABertBaseShapedModel()
    {
        QTemporaryDir dir;
        const auto model = randomModel(dir.path(), 12, 768, 12, 3072, 2000);
        ExplainRequest r;
        r.text.text = "a cat sat on [MASK] mat by the door";
        const Attribution a = attribute(*model, r, ExplainMethod::IntegratedGradients);
        QVERIFY2(a.completenessError() < 0.01, qPrintable(QString::number(a.completenessError())));
        QVERIFY(std::abs(a.target - a.baseline) > 1e-3); // a change to attribute, not 0 = 0
    }
};

QTEST_GUILESS_MAIN(TestExplain)
#include "test_explain.moc"
