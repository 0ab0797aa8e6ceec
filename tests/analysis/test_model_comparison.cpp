// Comparing two models: linear CKA against the kernel form of Kornblith et al. (HSIC of centred
// Gram matrices, written out with loops in float64), its invariances, and compareModels on a model
// against itself, against other weights, another width and depth, and another tokenizer.
#include "fixtures.h"

#include "analysis/model_comparison.h"
#include "model/loaded_model.h"
#include "model/random_model.h"

#include <QTemporaryDir>

#include <random>

using namespace bertlens;

namespace {

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

Matrix randomMatrix(int rows, int cols, unsigned seed)
{
    std::mt19937 gen(seed);
    std::normal_distribution<float> normal;
    Matrix m(rows, cols);
    for (float &v : m.values)
        v = normal(gen);
    return m;
}

// tr(K H L H) / √(tr(K H K H) · tr(L H L H)) with K = X Xᵀ, L = Y Yᵀ, H = I − 11ᵀ/n.
double kernelCka(const Matrix &x, const Matrix &y)
{
    const int n = x.rows;
    auto gram = [n](const Matrix &m) {
        std::vector<double> k(static_cast<size_t>(n * n));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                for (int d = 0; d < m.cols; ++d)
                    k[size_t(i * n + j)] += double(m.at(i, d)) * m.at(j, d);
        // H K H: subtract row and column means, add the grand mean.
        std::vector<double> row(static_cast<size_t>(n)), col(static_cast<size_t>(n));
        double all = 0;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                row[size_t(i)] += k[size_t(i * n + j)] / n;
                col[size_t(j)] += k[size_t(i * n + j)] / n;
                all += k[size_t(i * n + j)] / n / n;
            }
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                k[size_t(i * n + j)] += all - row[size_t(i)] - col[size_t(j)];
        return k;
    };
    const auto k = gram(x), l = gram(y);
    auto hsic = [n](const std::vector<double> &a, const std::vector<double> &b) {
        double s = 0;
        for (int i = 0; i < n * n; ++i)
            s += a[size_t(i)] * b[size_t(i)];
        return s;
    };
    return hsic(k, l) / std::sqrt(hsic(k, k) * hsic(l, l));
}

std::shared_ptr<const LoadedModel> randomModel(const QTemporaryDir &dir, const QString &name, BertConfig config,
                                               bool sameVocab, unsigned seed)
{
    RandomModelOptions options;
    if (sameVocab)
        for (int id = 0; id < tinyModel()->tokenizer->vocab().size(); ++id)
            options.vocab.push_back(tinyModel()->tokenizer->vocab().token(id));
    else
        config.vocabSize = 400;
    options.config = config;
    options.seed = seed;
    writeRandomModel(dir.filePath(name).toStdString(), options);
    return LoadedModel::load(dir.filePath(name).toStdString());
}

const std::vector<SentenceInput> kInputs = {{"hello world"}, {"the quick brown fox jumps over the lazy dog!"},
                                            {"models read numbers"}, {"我爱北京"}};

} // namespace

class TestModelComparison : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void ckaIsTheKernelForm()
    {
        const Matrix x = randomMatrix(30, 12, 1), y = randomMatrix(30, 7, 2);
        QVERIFY(std::abs(linearCka(x, y) - kernelCka(x, y)) < 1e-9);
        // Invariant to rotation, scale and a shift of each column; 1 against itself.
        Matrix rotated = x;
        for (int i = 0; i < x.rows; ++i) {
            rotated.at(i, 0) = 3.f * (0.6f * x.at(i, 0) - 0.8f * x.at(i, 1)) + 5.f;
            rotated.at(i, 1) = 3.f * (0.8f * x.at(i, 0) + 0.6f * x.at(i, 1));
            for (int d = 2; d < x.cols; ++d)
                rotated.at(i, d) = 3.f * x.at(i, d) - 1.f;
        }
        QVERIFY(std::abs(linearCka(x, rotated) - 1.0) < 1e-5);
        QVERIFY_THROWS_EXCEPTION(Error, linearCka(x, randomMatrix(29, 7, 3)));
    }

    void aModelAgainstItself()
    {
        const auto a = analyseSentences(*tinyModel(), kInputs);
        const ModelComparison c = compareModels(*a, *a, 1, 2, 2, 1);
        QVERIFY(!c.byWords);
        QVERIFY(c.skippedSentences.empty());
        for (int l = 0; l <= a->numLayers; ++l)
            QVERIFY(std::abs(c.cka.at(l, l) - 1.f) < 1e-5);
        QCOMPARE(int(c.rowCosine.size()), a->sentences[1].encoding.size());
        for (double v : c.rowCosine)
            QVERIFY(std::abs(v - 1) < 1e-9);
        for (float v : c.attentionDifference.values)
            QCOMPARE(v, 0.f);
        QCOMPARE(c.attentionA.at(2, 3), a->sentences[1].attention[1][1].at(2, 3));
    }

    void otherWeightsWidthAndDepth()
    {
        BertConfig config = tinyModel()->config;
        config.hiddenSize = 48;
        config.intermediateSize = 96;
        config.numLayers = 3;
        const auto other = randomModel(m_dir, "wide", config, true, 5);
        const auto a = analyseSentences(*tinyModel(), kInputs), b = analyseSentences(*other, kInputs);
        const ModelComparison c = compareModels(*a, *b, 0, 1, 3, -1);
        QCOMPARE(c.cka.rows, 3);
        QCOMPARE(c.cka.cols, 4);
        QVERIFY(c.rowCosine.empty()); // 32 against 48 dimensions: no cosine between them
        for (int i = 0; i <= 2; ++i)
            for (int j = 0; j <= 3; ++j) {
                std::vector<Matrix> xs, ys;
                Matrix x, y;
                for (size_t s = 0; s < kInputs.size(); ++s) {
                    const Matrix &hx = a->sentences[s].hidden[size_t(i)], &hy = b->sentences[s].hidden[size_t(j)];
                    x.cols = hx.cols;
                    y.cols = hy.cols;
                    x.rows += hx.rows;
                    y.rows += hy.rows;
                    x.values.insert(x.values.end(), hx.values.begin(), hx.values.end());
                    y.values.insert(y.values.end(), hy.values.begin(), hy.values.end());
                }
                QVERIFY(std::abs(c.cka.at(i, j) - kernelCka(x, y)) < 1e-5);
            }
        // The mean of the heads of layer 3 of B against layer 1 of A.
        const Matrix &b3 = b->sentences[0].attention[2][0];
        double mean = 0;
        for (int h = 0; h < b->numHeads; ++h)
            mean += b->sentences[0].attention[2][size_t(h)].at(1, 2) / b->numHeads;
        QVERIFY(std::abs(c.attentionB.at(1, 2) - mean) < 1e-6);
        QCOMPARE(c.attentionB.rows, b3.rows);
    }

    // Another vocabulary splits words into other pieces: rows become words; a sentence whose words
    // still differ (characters the other vocabulary cannot spell) is left out and named.
    void otherTokenizerComparesWords()
    {
        const auto other = randomModel(m_dir, "chars", tinyModel()->config, false, 6);
        const auto a = analyseSentences(*tinyModel(), kInputs), b = analyseSentences(*other, kInputs);
        QVERIFY(a->sentences[1].encoding.tokens != b->sentences[1].encoding.tokens);
        const ModelComparison c = compareModels(*a, *b, 1, 2, 2, 0);
        QVERIFY(c.byWords);
        QCOMPARE(c.skippedSentences, std::vector<int>{3});
        QVERIFY(c.sentenceCompared);
        QCOMPARE(c.rowLabels, a->sentences[1].words.labels);
        QCOMPARE(int(c.rowCosine.size()), a->sentences[1].words.size());
        QCOMPARE(c.attentionA.rows, a->sentences[1].words.size());
        QVERIFY(!compareModels(*a, *b, 3, 2, 2, 0).sentenceCompared);
        QCOMPARE(c.comparedSentences, 3);
        // Only the sentence the other vocabulary cannot spell: nothing to compare, and no CKA.
        const auto chineseA = analyseSentences(*tinyModel(), {kInputs[3]}), chineseB = analyseSentences(*other, {kInputs[3]});
        const ModelComparison none = compareModels(*chineseA, *chineseB, 0, 1, 1, -1);
        QCOMPARE(none.comparedSentences, 0);
        QCOMPARE(none.cka.rows, 0);
    }
};

QTEST_GUILESS_MAIN(TestModelComparison)
#include "test_model_comparison.moc"
