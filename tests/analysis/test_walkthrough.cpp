// The walk-through's numbers: the tokenizer's greedy search against a hand-worked example, every
// traced intermediate against the float64 step-by-step reference (make_trace_fixture.py, 1e-4),
// its LayerNorm statistics against the reference's own sums, and its last vector against the
// window's analysis of the same sentence (1e-5).
#include "fixtures.h"

#include "analysis/sentence_analysis.h"
#include "analysis/walkthrough.h"
#include "model/loaded_model.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace bertlens;

namespace {

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

} // namespace

class TestWalkthrough : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // "embeddings" with a vocabulary of em, ##bed, ##ding, ##s: worked out by hand, longest first.
    void greedySplitAsItHappens()
    {
        const BertTokenizer tokenizer(Vocab::fromTokens({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "em", "##bed", "##ding",
                                                         "##s", "a", "銀", "行"}),
                                      {});
        const TokenizationSteps steps = tokenizer.explain("A  Émbeddings [MASK] 銀行");
        QCOMPARE(steps.cleaned, std::string("a embeddings [MASK] 銀 行"));
        QCOMPARE(int(steps.words.size()), 5);
        const WordSplit &w = steps.words[1];
        QCOMPARE(w.word, std::string("embeddings"));
        const std::vector<std::string> tried = {"embeddings", "embedding", "embeddin", "embeddi", "embedd", "embed", "embe",
                                                "emb", "em", "##beddings", "##bedding", "##beddin", "##beddi", "##bedd",
                                                "##bed", "##dings", "##ding", "##s"};
        QCOMPARE(w.tried, tried);
        QCOMPARE(w.pieces, (std::vector<std::string>{"em", "##bed", "##ding", "##s"}));
        QVERIFY(steps.words[2].tried.empty()); // the literal [MASK] is not searched
        QCOMPARE(steps.words[2].pieces, std::vector<std::string>{"[MASK]"});
        QCOMPARE(steps.words[3].word, std::string("銀"));
        // The pieces are exactly what encode() produces.
        std::vector<std::string> pieces;
        for (const WordSplit &s : steps.words)
            pieces.insert(pieces.end(), s.pieces.begin(), s.pieces.end());
        const Encoding e = tokenizer.encode("A  Émbeddings [MASK] 銀行");
        QCOMPARE(pieces, std::vector<std::string>(e.tokens.begin() + 1, e.tokens.end() - 1));
        // A word with no split is one [UNK], after every candidate of its first piece was tried.
        const WordSplit unknown = tokenizer.explain("xyz").words.front();
        QCOMPARE(unknown.pieces, std::vector<std::string>{"[UNK]"});
        QCOMPARE(unknown.tried, (std::vector<std::string>{"xyz", "xy", "x"}));
    }

    void everyStepMatchesReference()
    {
        QFile goldenFile(test::fixture("trace_golden.json"));
        QVERIFY(goldenFile.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(goldenFile.readAll()).array();
        QVERIFY(!cases.isEmpty());
        for (const QJsonValue &c : cases) {
            const QJsonObject g = c.toObject();
            const QJsonObject expected = g["tensors"].toObject();
            const int tokens = g["tokens"].toArray().size();
            for (int token = 0; token < tokens; ++token) {
                WalkthroughRequest request;
                request.input = g["pair"].isNull() ? SentenceInput{g["text"].toString().toStdString()}
                                                   : SentenceInput{g["text"].toString().toStdString(), g["pair"].toString().toStdString(), true};
                request.layer = g["layer"].toInt();
                request.head = g["head"].toInt();
                request.token = token;
                const Walkthrough w = computeWalkthrough(*tinyModel(), request);
                QCOMPARE(w.encoding.size(), tokens);
                QCOMPARE(int(w.tensors.size()), expected.size());
                for (const QString &name : expected.keys()) {
                    const QJsonArray data = expected[name].toObject()["data"].toArray();
                    const Matrix &m = w.tensor(name.toStdString());
                    QCOMPARE(int(m.values.size()), data.size());
                    for (int i = 0; i < data.size(); ++i)
                        QVERIFY2(std::abs(m.values[size_t(i)] - data[i].toDouble()) < test::kTolerance, qPrintable(name));
                }
                // LayerNorm's mean and variance of the reference's own sum of the three embeddings.
                const QJsonArray sum = expected["embeddings.sum"].toObject()["data"].toArray();
                const int h = w.hiddenSize;
                double mean = 0, variance = 0;
                for (int d = 0; d < h; ++d)
                    mean += sum[token * h + d].toDouble() / h;
                for (int d = 0; d < h; ++d)
                    variance += std::pow(sum[token * h + d].toDouble() - mean, 2) / h;
                QVERIFY(std::abs(w.embeddingNorm.mean - mean) < 1e-5);
                QVERIFY(std::abs(w.embeddingNorm.variance - variance) < 1e-5);
                // And the formula the page prints gives the engine's output.
                for (const NormStep *n : {&w.embeddingNorm, &w.attentionNorm, &w.outputNorm})
                    for (int d = 0; d < h; ++d) {
                        const double y = n->gamma[size_t(d)] * (n->input[size_t(d)] - n->mean) / std::sqrt(n->variance + w.layerNormEps)
                                         + n->beta[size_t(d)];
                        QVERIFY(std::abs(y - n->output[size_t(d)]) < 1e-4);
                    }
                // The activation's curve is GELU's x·Φ(x), and spans this token's values before it.
                QCOMPARE(tinyModel()->config.activation, Activation::Gelu);
                QVERIFY(!w.curveX.empty() && w.curveX.size() == w.curveY.size());
                for (size_t i = 0; i < w.curveX.size(); ++i)
                    QVERIFY(std::abs(w.curveY[i] - w.curveX[i] * 0.5 * (1 + std::erf(w.curveX[i] / std::sqrt(2.0)))) < 1e-5);
                for (float v : w.row("ffn.intermediate"))
                    QVERIFY(v >= w.curveX.front() && v <= w.curveX.back());
                // The last vector is the window's hidden state of the same sentence at that layer.
                const auto analysis = analyseSentences(*tinyModel(), {request.input});
                const SentenceAnalysis &s = analysis->sentences.front();
                const std::vector<float> last = w.row("layer.output");
                for (int d = 0; d < h; ++d)
                    QVERIFY(std::abs(last[size_t(d)] - s.hidden[size_t(request.layer)].at(token, d)) < 1e-5);
                QCOMPARE(int(w.norms.size()), tinyModel()->config.numLayers + 1);
                for (size_t l = 0; l < w.norms.size(); ++l) {
                    double norm = 0;
                    for (int d = 0; d < h; ++d)
                        norm += std::pow(double(s.hidden[l].at(token, d)), 2);
                    QVERIFY(std::abs(w.norms[l] - std::sqrt(norm)) < 1e-4);
                }
            }
        }
    }

    // The prediction on the last page is the MLM head's at that position (float64 reference).
    void predictionAtTheToken()
    {
        WalkthroughRequest request;
        request.input = SentenceInput{"the [MASK] jumps over the [MASK] dog!"};
        request.token = int(test::goldenTensor("fill.mask_index")[0].item<int64_t>());
        request.layer = 99; // clamped to the last layer
        request.head = -3;  // clamped to 0
        const Walkthrough w = computeWalkthrough(*tinyModel(), request);
        QCOMPARE(w.request.layer, tinyModel()->config.numLayers);
        QCOMPARE(w.request.head, 0);
        const at::Tensor reference = test::goldenTensor("fill.probs").to(at::kDouble)[-1][0];
        const auto [values, ids] = reference.topk(5);
        QCOMPARE(int(w.predictions.size()), 5);
        for (int k = 0; k < 5; ++k) {
            QCOMPARE(int64_t(w.predictions[size_t(k)].id), ids[k].item<int64_t>());
            QVERIFY(std::abs(w.predictions[size_t(k)].probability - values[k].item<double>()) < 1e-5);
        }
    }
};

QTEST_GUILESS_MAIN(TestWalkthrough)
#include "test_walkthrough.moc"
