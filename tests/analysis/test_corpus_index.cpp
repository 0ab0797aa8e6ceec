// Corpus search against brute force: every line's pooled vector and every token's vector from the
// window's own analysis (analyseSentences), cosines in float64, sorted; the index keeps token
// vectors in float16, so scores agree within 2e-3. Saved indexes reopen with the same answers and
// go stale when the model, layer or corpus changes; a damaged file is never trusted.
#include "fixtures.h"

#include "analysis/corpus_index.h"
#include "analysis/float16_dot.h"
#include "analysis/randomised_pca.h"
#include "analysis/sentence_analysis.h"
#include "model/loaded_model.h"
#include "model/random_model.h"

#include <QTemporaryDir>
#include <QtEndian>

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace bertlens;

namespace {

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

// The golden sentences as a corpus, with an empty line and a labelled line among them.
QString writeCorpus(const QTemporaryDir &dir, std::vector<std::string> &texts, std::vector<long long> &lines)
{
    QFile f(dir.filePath("corpus.txt"));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write the corpus");
    long long line = 0;
    std::vector<SentenceInput> sentences = test::goldenSentences();
    for (const char *extra : {"the dog sleeps by the fire", "a brown dog and a quick fox", "hello again, world",
                              "models read numbers, not letters", "over the hills and far away", "the lazy cat",
                              "bert is a model of words", "the fox jumps", "world news today", "quick thinking helps"})
        sentences.push_back({extra});
    for (const SentenceInput &s : sentences) {
        if (s.hasPair || s.text.find('\t') != std::string::npos || s.text.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        if (line == 2) {
            f.write("\n");
            ++line;
        }
        f.write(QByteArray::fromStdString(s.text) + (line == 4 ? "\tsome label" : "") + "\n");
        texts.push_back(s.text);
        lines.push_back(line++);
    }
    return f.fileName();
}

Matrix toMatrixForTest(const at::Tensor &t)
{
    const at::Tensor c = t.contiguous();
    Matrix m(int(c.size(0)), int(c.size(1)));
    std::copy(c.data_ptr<float>(), c.data_ptr<float>() + c.numel(), m.values.begin());
    return m;
}

double cosine(const float *a, const float *b, int n)
{
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < n; ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return ab / std::sqrt(std::max(aa * bb, 1e-300));
}

std::vector<float> meanRow(const Matrix &m)
{
    std::vector<float> mean(size_t(m.cols), 0.f);
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c)
            mean[size_t(c)] += m.at(r, c) / float(m.rows);
    return mean;
}

} // namespace

class TestCorpusIndex : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<std::string> m_texts;
    std::vector<long long> m_lines;
    QString m_corpus;

private Q_SLOTS:
    void initTestCase() { m_corpus = writeCorpus(m_dir, m_texts, m_lines); }

    void exactSearchEqualsBruteForce()
    {
        const LoadedModel &model = *tinyModel();
        const int layer = 1;
        CorpusIndexOptions options;
        options.layer = layer;
        const CorpusIndex index = CorpusIndex::build(model, m_corpus.toStdString(), options);
        QCOMPARE(index.lines().size(), m_texts.size());
        QVERIFY(!index.reduced());
        QCOMPARE(index.lineAt(4).label, std::string("some label"));
        std::vector<SentenceInput> inputs;
        for (const std::string &t : m_texts)
            inputs.push_back({t});
        const auto analysis = analyseSentences(model, inputs);
        const std::string query = "the quick brown fox";
        const auto queryAnalysis = analyseSentences(model, {SentenceInput{query}});
        const Matrix &q = queryAnalysis->sentences[0].hidden[size_t(layer)];

        // Lines: cosine of the mean-pooled vectors.
        std::vector<std::pair<double, long long>> lines;
        const std::vector<float> qMean = meanRow(q);
        for (size_t i = 0; i < inputs.size(); ++i) {
            const std::vector<float> mean = meanRow(analysis->sentences[i].hidden[size_t(layer)]);
            lines.push_back({cosine(qMean.data(), mean.data(), q.cols), m_lines[i]});
        }
        std::sort(lines.rbegin(), lines.rend());
        const auto hits = index.nearestLines(model, query, 5);
        QCOMPARE(int(hits.size()), 5);
        for (size_t r = 0; r < hits.size(); ++r) {
            QVERIFY(std::abs(hits[r].score - lines[r].first) < 1e-4);
            const auto own = std::find_if(lines.begin(), lines.end(), [&](const auto &l) { return l.second == hits[r].line; });
            QVERIFY(std::abs(own->first - hits[r].score) < 1e-4);
        }

        // Tokens: the query's token 2 against every non-special token of the corpus.
        std::vector<std::pair<double, std::pair<long long, int>>> tokens;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const SentenceAnalysis &s = analysis->sentences[i];
            for (int t = 0; t < s.encoding.size(); ++t)
                if (!s.encoding.specialMask[size_t(t)])
                    tokens.push_back({cosine(q.row(2), s.hidden[size_t(layer)].row(t), q.cols), {m_lines[i], t}});
        }
        QCOMPARE(index.tokenCount(), (long long)tokens.size());
        std::sort(tokens.rbegin(), tokens.rend());
        const auto tokenHits = index.nearestTokens(model, query, 2, 20);
        QCOMPARE(int(tokenHits.size()), 20);
        for (size_t r = 0; r < tokenHits.size(); ++r) {
            QVERIFY(std::abs(tokenHits[r].score - tokens[r].first) < 2e-3);
            const auto own = std::find_if(tokens.begin(), tokens.end(), [&](const auto &t) {
                return t.second == std::pair{tokenHits[r].line, tokenHits[r].token};
            });
            QVERIFY(own != tokens.end());
            QVERIFY(std::abs(own->first - tokenHits[r].score) < 2e-3);
            const size_t i = size_t(std::find(m_lines.begin(), m_lines.end(), tokenHits[r].line) - m_lines.begin());
            const Encoding &e = analysis->sentences[i].encoding;
            QCOMPARE(tokenHits[r].text, e.tokens[size_t(tokenHits[r].token)]);
            QCOMPARE(std::pair(tokenHits[r].begin, tokenHits[r].end), e.offsets[size_t(tokenHits[r].token)]);
        }
        QVERIFY_THROWS_EXCEPTION(Error, index.nearestTokens(model, query, 99, 3));
    }

    // A damaged index never answers: any byte flipped anywhere (lines, occurrences, vectors, the
    // header) is refused, and an index whose header another corpus's fields were copied into is
    // refused for that corpus. Before the checksum and the content checks, flipped bytes gave
    // changed scores, invented line texts and token positions past the model's length.
    void damagedIndexesAreRefused()
    {
        const LoadedModel &model = *tinyModel();
        CorpusIndexOptions options;
        const std::string path = m_dir.filePath("flips.idx").toStdString();
        CorpusIndex::build(model, m_corpus.toStdString(), options).save(path);
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        std::string why;
        QVERIFY(!CorpusIndex::load(path, model, m_corpus.toStdString(), options, &why).empty());
        const int step = std::max(1, int(bytes.size()) / 1500);
        int refused = 0, tried = 0;
        for (int at = 0; at < bytes.size(); at += at < 600 ? 1 : step) {
            QByteArray flipped = bytes;
            flipped[at] = char(flipped[at] ^ (1 << (at % 8)));
            QFile out(QString::fromStdString(path));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(flipped);
            out.close();
            ++tried;
            refused += CorpusIndex::load(path, model, m_corpus.toStdString(), options, &why).empty();
        }
        QCOMPARE(refused, tried);

        // Another corpus of the same number of lines: its index's header (hash, size) with this
        // corpus's index's body is refused, whatever the header claims.
        QTemporaryDir otherDir;
        const QString otherCorpus = otherDir.filePath("corpus.txt");
        QFile source(m_corpus), upper(otherCorpus);
        QVERIFY(source.open(QIODevice::ReadOnly) && upper.open(QIODevice::WriteOnly));
        upper.write(source.readAll().toUpper()); // the same lines for an uncased model, other texts
        upper.close();
        const std::string otherIndex = otherDir.filePath("other.idx").toStdString();
        CorpusIndex::build(model, otherCorpus.toStdString(), options).save(otherIndex);
        QFile o(QString::fromStdString(otherIndex));
        QVERIFY(o.open(QIODevice::ReadOnly));
        const QByteArray otherBytes = o.readAll();
        o.close();
        const int headerEnd = 20 + int(qFromLittleEndian<quint32>(bytes.constData() + 16));
        const int otherHeaderEnd = 20 + int(qFromLittleEndian<quint32>(otherBytes.constData() + 16));
        QFile spliced(QString::fromStdString(path));
        QVERIFY(spliced.open(QIODevice::WriteOnly));
        spliced.write(otherBytes.left(otherHeaderEnd) + bytes.mid(headerEnd));
        spliced.close();
        QVERIFY(CorpusIndex::load(path, model, otherCorpus.toStdString(), options, &why).empty());
        QVERIFY2(why.find("line 1 is not the corpus's") != std::string::npos || why.find("damaged") != std::string::npos, why.c_str());
    }

    void savedIndexReopensAndGoesStale()
    {
        const LoadedModel &model = *tinyModel();
        CorpusIndexOptions options;
        const CorpusIndex built = CorpusIndex::build(model, m_corpus.toStdString(), options);
        const std::string path = CorpusIndex::indexPathFor(m_corpus.toStdString());
        built.save(path);
        std::string why;
        const CorpusIndex loaded = CorpusIndex::load(path, model, m_corpus.toStdString(), options, &why);
        QVERIFY2(!loaded.empty(), why.c_str());
        const auto a = built.nearestTokens(model, "hello world", 1, 7), b = loaded.nearestTokens(model, "hello world", 1, 7);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].line, b[i].line);
            QCOMPARE(a[i].token, b[i].token);
            QCOMPARE(a[i].score, b[i].score);
        }
        QCOMPARE(built.nearestLines(model, "hello", 3).front().line, loaded.nearestLines(model, "hello", 3).front().line);

        CorpusIndexOptions otherLayer = options;
        otherLayer.layer = 0;
        QVERIFY(CorpusIndex::load(path, model, m_corpus.toStdString(), otherLayer, &why).empty());
        QVERIFY2(why.find("layer") != std::string::npos, why.c_str());
        // The same weights in another file format are the same model; other weights are not.
        QVERIFY(!CorpusIndex::load(path, *LoadedModel::load(test::fixturePath("models/tiny-bin")), m_corpus.toStdString(), options).empty());
        RandomModelOptions random;
        random.config = model.config;
        for (int id = 0; id < model.tokenizer->vocab().size(); ++id)
            random.vocab.push_back(model.tokenizer->vocab().token(id));
        random.seed = 7;
        writeRandomModel(m_dir.filePath("other").toStdString(), random);
        QVERIFY(CorpusIndex::load(path, *LoadedModel::load(m_dir.filePath("other").toStdString()), m_corpus.toStdString(), options, &why).empty());
        QVERIFY2(why.find("another model") != std::string::npos, why.c_str());

        // Damaged files: cut anywhere, or flipped bytes in the header, are refused by name.
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        for (int cut : {0, 5, 12, 40, int(bytes.size()) / 2, int(bytes.size()) - 1}) {
            QFile damaged(m_dir.filePath("damaged.idx"));
            QVERIFY(damaged.open(QIODevice::WriteOnly));
            damaged.write(bytes.left(cut));
            damaged.close();
            QVERIFY(CorpusIndex::load(damaged.fileName().toStdString(), model, m_corpus.toStdString(), options, &why).empty());
            QVERIFY2(why.find("damaged.idx") != std::string::npos, why.c_str());
        }

        // A NaN where a line vector was (found by fuzzing: the projection's SVD threw on it).
        QByteArray poisoned = bytes;
        const float nan = std::nanf("");
        std::memcpy(poisoned.data() + poisoned.size() - sizeof nan, &nan, sizeof nan);
        QFile poisonedFile(m_dir.filePath("poisoned.idx"));
        QVERIFY(poisonedFile.open(QIODevice::WriteOnly));
        poisonedFile.write(poisoned);
        poisonedFile.close();
        QVERIFY(CorpusIndex::load(poisonedFile.fileName().toStdString(), model, m_corpus.toStdString(), options, &why).empty());
        QVERIFY2(why.find("not finite") != std::string::npos, why.c_str());

        // A changed corpus makes the index stale.
        QFile corpus(m_corpus);
        QVERIFY(corpus.open(QIODevice::Append));
        corpus.write("one more line\n");
        corpus.close();
        QVERIFY(CorpusIndex::load(path, model, m_corpus.toStdString(), options, &why).empty());
        QVERIFY2(why.find("corpus has changed") != std::string::npos, why.c_str());
        m_texts.clear();
        m_lines.clear();
        m_corpus = writeCorpus(m_dir, m_texts, m_lines);
    }

    // Past its memory budget the index keeps token vectors on their leading principal directions:
    // every token still finds itself first, and most of the exact top 5 are found.
    void reducedIndexStillFindsNeighbours()
    {
        const LoadedModel &model = *tinyModel();
        CorpusIndexOptions exactOptions, reducedOptions;
        reducedOptions.tokenBudgetBytes = 1000;
        reducedOptions.reducedDims = 16;
        reducedOptions.reductionSample = 40;
        const CorpusIndex exact = CorpusIndex::build(model, m_corpus.toStdString(), exactOptions);
        const CorpusIndex reduced = CorpusIndex::build(model, m_corpus.toStdString(), reducedOptions);
        QVERIFY(reduced.reduced());
        QCOMPARE(reduced.tokenDims(), 16);
        QCOMPARE(reduced.tokenCount(), exact.tokenCount());
        int found = 0, asked = 0;
        for (size_t i = 0; i < 6; ++i) {
            const std::string &text = reduced.lines()[i].text;
            const auto e = exact.nearestTokens(model, text, 1, 5), r = reduced.nearestTokens(model, text, 1, 5);
            QCOMPARE(r.front().line, reduced.lines()[i].line);
            QCOMPARE(r.front().token, 1);
            for (const TokenHit &h : r)
                found += std::any_of(e.begin(), e.end(), [&](const TokenHit &x) { return x.line == h.line && x.token == h.token; });
            asked += int(r.size());
        }
        QVERIFY2(found * 10 >= asked * 6, qPrintable(QString("recall %1 of %2").arg(found).arg(asked)));
    }

    // The corpus projection is exact PCA: the same as pca() (SVD) of the line vectors.
    void projectionIsExactPca()
    {
        const CorpusIndex index = CorpusIndex::build(*tinyModel(), m_corpus.toStdString(), CorpusIndexOptions());
        const PcaResult fast = index.projectLines(2);
        const PcaResult reference = pca(toMatrixForTest(index.lineVectors()), 2);
        QCOMPARE(fast.projected.rows, int(index.lines().size()));
        for (size_t i = 0; i < fast.projected.values.size(); ++i)
            QVERIFY(std::abs(fast.projected.values[i] - reference.projected.values[i]) < 1e-4);
        for (int c = 0; c < 2; ++c)
            QVERIFY(std::abs(fast.explainedRatio[size_t(c)] - reference.explainedRatio[size_t(c)]) < 1e-6);
        const std::vector<int> hello = index.linesContaining("HELLO");
        QVERIFY(!hello.empty());
        for (int i : hello)
            QVERIFY(QString::fromStdString(index.lines()[size_t(i)].text).contains("hello", Qt::CaseInsensitive));
    }

    // Randomised PCA (what a large corpus gets) against the exact SVD, on data with a spectrum
    // like a corpus's: a few strong directions over isotropic noise.
    void randomisedPcaMatchesExact()
    {
        const at::Tensor basis = std::get<0>(at::linalg_qr(at::randn({64, 64})));
        const at::Tensor scales = at::cat({at::tensor({6.f, 4.f, 3.f}), at::full({61}, 0.5f)});
        const at::Tensor rows = at::matmul(at::randn({3000, 64}) * scales, basis.t()) + 2.f;
        const PcaResult fast = randomisedPca(rows, 2), exact = pca(toMatrixForTest(rows), 2);
        for (size_t i = 0; i < fast.components.values.size(); ++i)
            QVERIFY(std::abs(fast.components.values[i] - exact.components.values[i]) < 1e-3);
        for (size_t i = 0; i < fast.projected.values.size(); ++i)
            QVERIFY(std::abs(fast.projected.values[i] - exact.projected.values[i]) < 1e-2);
        for (int c = 0; c < 2; ++c)
            QVERIFY(std::abs(fast.explainedRatio[size_t(c)] - exact.explainedRatio[size_t(c)]) < 1e-4);
    }

    // The fused float16 dot product against float64 sums of the same float16 values, for lengths
    // that end in every remainder of its 16- and 8-wide steps.
    void float16DotProducts()
    {
        for (int64_t d : {1, 7, 8, 15, 16, 23, 37, 768}) {
            const at::Tensor rows = at::randn({50, d}).to(at::kHalf), query = at::randn({d});
            std::vector<float> scores(50);
            dotFloat16(reinterpret_cast<const uint16_t *>(rows.data_ptr<at::Half>()), 50, d, query.data_ptr<float>(), scores.data());
            const at::Tensor expected = at::mv(rows.to(at::kDouble), query.to(at::kDouble));
            for (int i = 0; i < 50; ++i)
                QVERIFY(std::abs(scores[size_t(i)] - expected[i].item<double>()) < 1e-4 * std::sqrt(double(d)));
        }
    }

    void boundsAreChecked()
    {
        CorpusIndexOptions options;
        options.layer = 9;
        QVERIFY_THROWS_EXCEPTION(Error, CorpusIndex::build(*tinyModel(), m_corpus.toStdString(), options));
        options.layer = -1;
        options.pooling = Pooling::None;
        QVERIFY_THROWS_EXCEPTION(Error, CorpusIndex::build(*tinyModel(), m_corpus.toStdString(), options));
        // A corpus of blank lines: nothing to find, and its saved index (no vectors at all) reads back.
        QFile blank(m_dir.filePath("blank.txt"));
        QVERIFY(blank.open(QIODevice::WriteOnly));
        blank.write("\n  \n\t\n");
        blank.close();
        const CorpusIndex none = CorpusIndex::build(*tinyModel(), blank.fileName().toStdString(), CorpusIndexOptions());
        QVERIFY(none.empty());
        QVERIFY(none.nearestLines(*tinyModel(), "hello", 5).empty());
        QVERIFY(none.nearestTokens(*tinyModel(), "hello", 1, 5).empty());
        none.save(blank.fileName().toStdString() + ".idx");
        QVERIFY(CorpusIndex::load(blank.fileName().toStdString() + ".idx", *tinyModel(), blank.fileName().toStdString(), CorpusIndexOptions()).empty());
        QFile big(m_dir.filePath("big.txt"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        for (long long i = 0; i <= CorpusIndex::kMaxLines; ++i)
            big.write("x\n");
        big.close();
        try {
            CorpusIndex::build(*tinyModel(), big.fileName().toStdString(), CorpusIndexOptions());
            QFAIL("a corpus past the line limit was indexed");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("big.txt") && QString(e.what()).contains("100000"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestCorpusIndex)
#include "test_corpus_index.moc"
