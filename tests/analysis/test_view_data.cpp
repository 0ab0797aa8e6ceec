#include "fixtures.h"

#include "analysis/pooling.h"
#include "analysis/projection.h"
#include "analysis/view_data.h"
#include "analysis/word_groups.h"
#include "model/loaded_model.h"

using namespace bertlens;

namespace {

Matrix toMatrix(const at::Tensor &t)
{
    const at::Tensor c = t.contiguous().to(at::kFloat);
    Matrix m(int(c.size(0)), int(c.size(1)));
    std::copy(c.data_ptr<float>(), c.data_ptr<float>() + c.numel(), m.values.begin());
    return m;
}

at::Tensor toTensor(const Matrix &m)
{
    return at::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols}).clone();
}

const std::map<std::string, at::Tensor> &analysisGolden()
{
    static const auto tensors = test::tensorsOf(test::fixturePath("analysis_golden.safetensors"));
    return tensors;
}

std::shared_ptr<const AnalysisResult> tinyResult()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    static const auto result = analyseSentences(*model, {{"the quick brown fox", "", false}, {"hello world", "", false},
                                                         {"how are you?", "i am a bert model.", true}});
    return result;
}

} // namespace

class TestViewData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Across sentences and the same word in every sentence, against direct cosines of the rows.
    void crossSentenceSimilarity()
    {
        static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        const auto result = analyseSentences(*model, {{"the bank of the river", "", false}, {"money in the bank", "", false}});
        auto cosine = [](const float *a, const float *b, int h) {
            double ab = 0, aa = 0, bb = 0;
            for (int d = 0; d < h; ++d)
                ab += double(a[d]) * b[d], aa += double(a[d]) * a[d], bb += double(b[d]) * b[d];
            return ab / std::sqrt(aa * bb);
        };
        ViewSelection sel;
        sel.layer = 2;
        sel.words = true;
        sel.similarity = SimilarityMode::AcrossSentences;
        sel.otherSentence = 1;
        const ViewData across = computeViewData(*result, sel);
        const Matrix a = wordVectors(result->sentences[0].hidden[2], result->sentences[0].words);
        const Matrix b = wordVectors(result->sentences[1].hidden[2], result->sentences[1].words);
        QCOMPARE(across.similarity.rows, a.rows);
        QCOMPARE(across.similarity.cols, b.rows);
        QCOMPARE(across.similarityColumnLabels, result->sentences[1].words.labels);
        for (int i = 0; i < a.rows; ++i)
            for (int j = 0; j < b.rows; ++j)
                QVERIFY(std::abs(across.similarity.at(i, j) - cosine(a.row(i), b.row(j), a.cols)) < 1e-5);

        sel.similarity = SimilarityMode::SameWord;
        const auto &words = result->sentences[0].words;
        const int bank = int(std::find(words.labels.begin(), words.labels.end(), "bank") - words.labels.begin());
        sel.token = words.tokens[size_t(bank)].front();
        const ViewData same = computeViewData(*result, sel);
        QCOMPARE(same.similarityLabels, (std::vector<std::string>{"S1 bank", "S2 bank"}));
        const int other = int(std::find(result->sentences[1].words.labels.begin(), result->sentences[1].words.labels.end(), "bank")
                              - result->sentences[1].words.labels.begin());
        QVERIFY(std::abs(same.similarity.at(0, 1) - cosine(a.row(bank), b.row(other), a.cols)) < 1e-5);
    }

    // The similarity baseline and centring, against a brute-force float64 computation over every pair.
    void similarityBaselineAndCentring_data()
    {
        QTest::addColumn<bool>("centre");
        QTest::newRow("raw") << false;
        QTest::newRow("centred") << true;
    }
    void similarityBaselineAndCentring()
    {
        QFETCH(bool, centre);
        const auto result = tinyResult();
        const int h = result->hiddenSize, layer = 2, sentence = 0;
        std::vector<double> mean(size_t(h), 0.0);
        double count = 0;
        for (const auto &s : result->sentences)
            for (int i = 0; i < s.encoding.size(); ++i, ++count)
                for (int d = 0; d < h; ++d)
                    mean[size_t(d)] += s.hidden[size_t(layer)].at(i, d);
        for (double &m : mean)
            m = centre ? m / count : 0.0;
        auto cosine = [&](const float *a, const float *b) {
            double ab = 0, aa = 0, bb = 0;
            for (int d = 0; d < h; ++d) {
                const double x = a[d] - mean[size_t(d)], y = b[d] - mean[size_t(d)];
                ab += x * y, aa += x * x, bb += y * y;
            }
            return ab / std::sqrt(aa * bb);
        };
        ViewSelection sel;
        sel.sentence = sentence;
        sel.layer = layer;
        sel.centre = centre;
        const ViewData view = computeViewData(*result, sel);
        const SentenceAnalysis &s0 = result->sentences[0];
        double sum = 0, pairs = 0;
        for (size_t o = 1; o < result->sentences.size(); ++o) {
            const SentenceAnalysis &other = result->sentences[o];
            for (int i = 0; i < s0.encoding.size(); ++i)
                for (int j = 0; j < other.encoding.size(); ++j)
                    if (!s0.encoding.specialMask[size_t(i)] && !other.encoding.specialMask[size_t(j)])
                        sum += cosine(s0.hidden[size_t(layer)].row(i), other.hidden[size_t(layer)].row(j)), pairs += 1;
        }
        QVERIFY(std::abs(view.similarityBaseline - sum / pairs) < 1e-6);
        for (int i = 0; i < s0.encoding.size(); ++i)
            for (int j = 0; j < s0.encoding.size(); ++j)
                QVERIFY(std::abs(view.similarity.at(i, j) - cosine(s0.hidden[size_t(layer)].row(i), s0.hidden[size_t(layer)].row(j))) < 1e-5);

        // Sentence vectors: the mean cosine between different sentences.
        sel.similarity = SimilarityMode::Sentences;
        const ViewData sentences = computeViewData(*result, sel);
        const int n = sentences.similarity.rows;
        double off = 0;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                off += i == j ? 0 : sentences.similarity.at(i, j);
        QVERIFY(std::abs(sentences.similarityBaseline - off / (n * (n - 1))) < 1e-6);
        if (centre) // centred sentence vectors average to zero, so they cannot all point the same way
            QVERIFY(sentences.similarityBaseline < 0);
    }

    // Against NumPy (tests/fixtures/make_analysis_fixtures.py), float64 SVD there and here.
    void pcaMatchesNumpy()
    {
        const auto &g = analysisGolden();
        const PcaResult p = pca(toMatrix(g.at("input")), 2);
        QVERIFY(test::maxAbsDiff(toTensor(p.projected), g.at("pca.projected")) < 1e-4);
        QCOMPARE(p.explainedRatio.size(), size_t(2));
        QVERIFY(std::abs(p.explainedRatio[0] - g.at("pca.ratio")[0].item<double>()) < 1e-5);
        QVERIFY(std::abs(p.explainedRatio[1] - g.at("pca.ratio")[1].item<double>()) < 1e-5);
    }

    void cosineMatchesNumpy()
    {
        const auto &g = analysisGolden();
        const Matrix c = cosineSimilarity(toMatrix(g.at("input")));
        QVERIFY(test::maxAbsDiff(toTensor(c), g.at("cosine")) < 1e-6);
        QCOMPARE(c.at(3, 5), 0.f); // the zero row
    }

    void pcaOfFewPointsDoesNotFail()
    {
        Matrix one(1, 4, 1.f);
        QCOMPARE(pca(one, 2).projected.rows, 1);
        QCOMPARE(pca(Matrix(0, 4), 2).projected.rows, 0);
    }

    void poolMatrixMatchesPoolTokens()
    {
        const auto result = tinyResult();
        const Matrix &tokens = result->sentences[0].hidden[2];
        const at::Tensor t = toTensor(tokens).unsqueeze(0);
        for (Pooling p : {Pooling::Cls, Pooling::Mean, Pooling::Max}) {
            const auto pooled = poolMatrix(tokens, p);
            const at::Tensor expected = poolTokens(t, at::ones({1, tokens.rows}, at::kLong), p).squeeze(0);
            QVERIFY(test::maxAbsDiff(at::tensor(pooled), expected) < 1e-6);
        }
    }

    void attentionMapMeanAndHiddenColumns()
    {
        const auto result = tinyResult();
        const SentenceAnalysis &s = result->sentences[0];
        const Matrix mean = attentionMap(s, 2, -1, false);
        double expected = 0;
        for (int h = 0; h < 4; ++h)
            expected += s.attention[1][size_t(h)].at(2, 3) / 4.0;
        QVERIFY(std::abs(mean.at(2, 3) - expected) < 1e-6);
        std::vector<int> columns;
        const Matrix hidden = attentionMap(s, 1, 2, true, &columns);
        QCOMPARE(columns, (std::vector<int>{1, 2, 3, 4})); // [CLS] and [SEP] dropped
        for (int i = 0; i < hidden.rows; ++i) {
            double sum = 0, raw = 0;
            for (int j = 0; j < hidden.cols; ++j)
                sum += hidden.at(i, j);
            for (int j : columns)
                raw += s.attention[0][2].at(i, j);
            QVERIFY(std::abs(sum - 1) < 1e-5);
            QVERIFY(std::abs(hidden.at(i, 0) - s.attention[0][2].at(i, 1) / raw) < 1e-5);
        }
    }

    void viewDataFollowsTheSelection()
    {
        const auto result = tinyResult();
        ViewSelection sel;
        sel.sentence = 2;
        sel.layer = 1;
        sel.projection = ProjectionMode::Sentences;
        sel.similarity = SimilarityMode::Sentences;
        ViewData v = computeViewData(*result, sel);
        QCOMPARE(v.points.size(), size_t(3));
        QCOMPARE(v.similarity.rows, 3);
        QCOMPARE(v.hidden.rows, result->sentences[2].encoding.size());
        QCOMPARE(v.tokenNorms.cols, 3);
        sel.projection = ProjectionMode::Trajectory;
        sel.token = 1;
        v = computeViewData(*result, sel);
        QCOMPARE(v.points.size(), size_t(3)); // layers 0..2
        QCOMPARE(v.points[2].layer, 2);
        // Out-of-range selections are clamped, not crashes.
        sel.sentence = 99;
        sel.layer = 99;
        sel.token = 99;
        v = computeViewData(*result, sel);
        QCOMPARE(v.selection.sentence, 2);
        QCOMPARE(v.selection.layer, 2);
    }

    // The token map without special tokens: every other token, in order, its vector the row behind
    // it; the PCA plane's quality measured; k-means colours one per point.
    void tokenMapWithoutSpecialTokens()
    {
        const auto result = tinyResult();
        ViewSelection sel;
        sel.layer = 2;
        sel.mapWithoutSpecial = true;
        sel.colour = MapColour::Cluster;
        sel.clusters = 3;
        const ViewData v = computeViewData(*result, sel);
        size_t expected = 0;
        for (const auto &s : result->sentences)
            for (int t = 0; t < s.encoding.size(); ++t)
                if (!s.encoding.specialMask[size_t(t)]) {
                    QVERIFY(expected < v.points.size());
                    QCOMPARE(v.points[expected].token, t);
                    QCOMPARE(v.points[expected].label, s.encoding.labels[size_t(t)]);
                    QCOMPARE(v.mapRows.at(int(expected), 5), s.hidden[2].at(t, 5));
                    ++expected;
                }
        QCOMPARE(v.points.size(), expected);
        QCOMPARE(v.mapRows.rows, int(expected));
        QCOMPARE(v.clusters.size(), expected);
        QVERIFY(v.pcaQuality && v.pcaQuality->trustworthiness > 0 && v.pcaQuality->trustworthiness <= 1);
        sel.mapWithoutSpecial = false;
        QVERIFY(computeViewData(*result, sel).points.size() > expected);
    }
};

QTEST_GUILESS_MAIN(TestViewData)
#include "test_view_data.moc"
