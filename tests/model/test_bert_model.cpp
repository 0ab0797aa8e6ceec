#include "fixtures.h"

#include "analysis/pooling.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace bertlens;

namespace {

using test::goldenSentences;

Encoding encodeGolden(const LoadedModel &model, const SentenceInput &s)
{
    return s.hasPair ? model.tokenizer->encodePair(s.text, s.pair) : model.tokenizer->encode(s.text);
}

SentenceOutput runAlone(const LoadedModel &model, const Encoding &e, bool attentions)
{
    ForwardOptions options;
    options.attentions = attentions;
    return sentenceOf(model.encoder->forward(makeBatch({&e}, 0), options), 0, e.size());
}

} // namespace

class TestBertModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every hidden state and attention map of every golden sentence, for each checkpoint format,
    // against the float64 reference at atol 1e-4.
    void matchesReference_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("activation");
        QTest::newRow("safetensors") << "tiny-safetensors" << "f32" << "";
        QTest::newRow("zip bin") << "tiny-bin" << "f32" << "";
        QTest::newRow("legacy bin") << "tiny-legacy-bin" << "f32" << "";
        QTest::newRow("sharded") << "tiny-sharded" << "f32" << "";
        QTest::newRow("tokenizer.json only") << "tiny-tokenizer-json" << "f32" << "";
        QTest::newRow("f16") << "tiny-f16" << "f16" << "";
        QTest::newRow("bf16") << "tiny-bf16" << "bf16" << "";
        QTest::newRow("gelu_new") << "tiny-safetensors" << "gelu_new" << "gelu_new";
        QTest::newRow("gelu_pytorch_tanh") << "tiny-safetensors" << "gelu_new" << "gelu_pytorch_tanh";
        QTest::newRow("relu") << "tiny-safetensors" << "relu" << "relu";
    }
    void matchesReference()
    {
        QFETCH(QString, folder);
        QFETCH(QString, label);
        QFETCH(QString, activation);
        QTemporaryDir dir;
        QString path = test::fixture("models/" + folder);
        if (!activation.isEmpty()) {
            // Same weights, another hidden_act in config.json.
            for (const QString &f : QDir(path).entryList(QDir::Files))
                QFile::copy(QDir(path).filePath(f), dir.filePath(f));
            QFile config(dir.filePath("config.json"));
            QVERIFY(config.open(QIODevice::ReadOnly));
            QJsonObject o = QJsonDocument::fromJson(config.readAll()).object();
            config.close();
            o["hidden_act"] = activation;
            QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
            config.write(QJsonDocument(o).toJson());
            config.close();
            path = dir.path();
        }
        const auto model = LoadedModel::load(path.toStdString());
        const auto sentences = goldenSentences();
        for (size_t s = 0; s < sentences.size(); ++s) {
            const std::string prefix = "s" + std::to_string(s) + ".";
            const Encoding e = encodeGolden(*model, sentences[s]);
            QVERIFY(at::tensor(std::vector<int64_t>(e.ids.begin(), e.ids.end())).equal(test::goldenTensor(prefix + "ids")));
            QVERIFY(at::tensor(std::vector<int64_t>(e.typeIds.begin(), e.typeIds.end())).equal(test::goldenTensor(prefix + "type_ids")));
            const SentenceOutput out = runAlone(*model, e, true);
            const double hiddenError = test::maxAbsDiff(out.hidden, test::goldenTensor(prefix + label.toStdString() + ".hidden"));
            QVERIFY2(hiddenError < test::kTolerance, qPrintable(QString("sentence %1: hidden error %2").arg(s).arg(hiddenError)));
            if (label == "f32") {
                const double attentionError = test::maxAbsDiff(out.attentions, test::goldenTensor(prefix + "f32.attentions"));
                QVERIFY2(attentionError < test::kTolerance, qPrintable(QString("attention error %1").arg(attentionError)));
            }
        }
    }

    // A DistilBertForMaskedLM checkpoint under DistilBERT's names and config: every hidden state
    // against an independent float64 DistilBertModel (make_distilbert_fixture.py), pairs
    // included (DistilBERT has no token types: they change nothing); its MLM head is found.
    void distilBertMatchesReference()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-distilbert"));
        QCOMPARE(model->config.modelType, std::string("distilbert"));
        QVERIFY2(model->mlmHead, model->mlmHeadMissing.c_str());
        QFile file(test::fixture("distilbert_golden.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray golden = QJsonDocument::fromJson(file.readAll()).array();
        QVERIFY(!golden.isEmpty());
        for (const QJsonValue &g : golden) {
            const QJsonObject o = g.toObject();
            const Encoding e = o["pair"].isNull() ? model->tokenizer->encode(o["text"].toString().toStdString())
                                                  : model->tokenizer->encodePair(o["text"].toString().toStdString(),
                                                                                 o["pair"].toString().toStdString());
            const at::Tensor hidden = runAlone(*model, e, false).hidden;
            const QJsonArray layers = o["hidden"].toArray();
            QCOMPARE(hidden.size(0), layers.size());
            double worst = 0;
            for (int l = 0; l < layers.size(); ++l)
                for (int t = 0; t < e.size(); ++t) {
                    const QJsonArray row = layers[l].toArray()[t].toArray();
                    for (int d = 0; d < row.size(); ++d)
                        worst = std::max(worst, std::abs(hidden[l][t][d].item<double>() - row[d].toDouble()));
                }
            QVERIFY2(worst < test::kTolerance, qPrintable(QString("%1: error %2").arg(o["text"].toString()).arg(worst)));
        }
    }

    // The masked-language-model head on the last layer against the float64 reference.
    void mlmHeadMatchesReference()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        QVERIFY2(model->mlmHead, model->mlmHeadMissing.c_str());
        const auto sentences = goldenSentences();
        for (size_t s = 0; s < sentences.size(); ++s) {
            const Encoding e = encodeGolden(*model, sentences[s]);
            const at::Tensor logits = model->mlmHead->logits(runAlone(*model, e, false).hidden[-1]);
            const double diff = test::maxAbsDiff(logits, test::goldenTensor("s" + std::to_string(s) + ".mlm.logits"));
            QVERIFY2(diff < test::kTolerance, std::to_string(diff).c_str());
        }
    }

    // A checkpoint without cls.* has no head, and says so.
    void noMlmHeadIsReported()
    {
        QTemporaryDir dir;
        test::writeModelWithoutMlmHead(dir.path());
        const auto model = LoadedModel::load(dir.path().toStdString());
        QVERIFY(!model->mlmHead);
        QVERIFY2(QString::fromStdString(model->mlmHeadMissing).contains("cls.predictions.transform.dense.weight"),
                 model->mlmHeadMissing.c_str());
    }

    void attentionsOnlyWhenAsked()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        const Encoding e = model->tokenizer->encode("hello world");
        QVERIFY(!runAlone(*model, e, false).attentions.defined());
        const at::Tensor maps = runAlone(*model, e, true).attentions;
        // Every row of every attention map is a probability distribution.
        QVERIFY(test::maxAbsDiff(maps.sum(-1), at::ones({2, 4, e.size()})) < 1e-5);
    }

    void poolingMatchesReference_data()
    {
        QTest::addColumn<QString>("pooling");
        QTest::newRow("cls") << "cls";
        QTest::newRow("mean") << "mean";
        QTest::newRow("max") << "max";
        QTest::newRow("mean_sqrt_len") << "mean_sqrt_len"; // sentence-transformers': the mean times √T
    }
    void poolingMatchesReference()
    {
        QFETCH(QString, pooling);
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        const auto sentences = goldenSentences();
        std::vector<Encoding> encodings;
        for (const auto &s : sentences)
            encodings.push_back(encodeGolden(*model, s));
        std::vector<const Encoding *> pointers;
        for (const auto &e : encodings)
            pointers.push_back(&e);
        // Mask-aware pooling over a padded batch equals the reference over each unpadded sentence.
        const Batch batch = makeBatch(pointers, model->tokenizer->padId());
        const at::Tensor pooled = poolTokens(model->encoder->forward(batch).hidden, batch.mask, parsePooling(pooling.toStdString()));
        for (size_t s = 0; s < sentences.size(); ++s) {
            const std::string key = "s" + std::to_string(s) + ".pool.";
            const at::Tensor expected = pooling == "mean_sqrt_len"
                                            ? test::goldenTensor(key + "mean") * std::sqrt(double(encodings[s].size()))
                                            : test::goldenTensor(key + pooling.toStdString());
            QVERIFY(test::maxAbsDiff(pooled.select(1, long(s)), expected) < test::kTolerance);
        }
    }

    // bf16 matrix products (fp32 accumulation, fp32 LayerNorm and softmax): every token vector
    // of every layer within cosine 0.999 of the float64 reference.
    void bf16IsCloseToReference()
    {
        if (!cpuHasBf16())
            QSKIP("this CPU has no bfloat16 instructions; bf16 runs as fp32 here");
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"), Precision::BFloat16);
        QCOMPARE(model->encoder->precision(), Precision::BFloat16);
        const auto sentences = goldenSentences();
        double worst = 1;
        for (size_t s = 0; s < sentences.size(); ++s) {
            const Encoding e = encodeGolden(*model, sentences[s]);
            const at::Tensor hidden = runAlone(*model, e, false).hidden.to(at::kDouble);
            const at::Tensor expected = test::goldenTensor("s" + std::to_string(s) + ".f32.hidden").to(at::kDouble);
            worst = std::min(worst, at::cosine_similarity(hidden, expected, -1).min().item<double>());
        }
        QVERIFY2(worst >= 0.999, qPrintable(QString("worst token cosine %1").arg(worst)));
    }

    // Only the layers asked for, in the order asked, equal to the same layers of a full run.
    void keepsTheLayersAskedFor()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        const Encoding e = model->tokenizer->encode("the layers kept");
        const Batch batch = makeBatch({&e}, 0);
        const at::Tensor all = model->encoder->forward(batch).hidden;
        ForwardOptions options;
        options.layers = {2, 0};
        const at::Tensor some = model->encoder->forward(batch, options).hidden;
        QCOMPARE(some.size(0), 2);
        QVERIFY(some[0].equal(all[2]) && some[1].equal(all[0]));
        options.layers = {3};
        QVERIFY_THROWS_EXCEPTION(Error, model->encoder->forward(batch, options));
    }

    void outOfRangeInputIsAnError()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        Batch batch{at::full({1, 3}, 10000, at::kLong), at::zeros({1, 3}, at::kLong), at::ones({1, 3}, at::kLong)};
        QVERIFY_THROWS_EXCEPTION(Error, model->encoder->forward(batch));
        batch = {at::zeros({1, 65}, at::kLong), at::zeros({1, 65}, at::kLong), at::ones({1, 65}, at::kLong)};
        QVERIFY_THROWS_EXCEPTION(Error, model->encoder->forward(batch));
    }

    void cancellationStopsTheForwardPass()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        CancelToken cancel;
        cancel.cancel();
        ForwardOptions options;
        options.cancel = &cancel;
        const Encoding e = model->tokenizer->encode("hello");
        try {
            model->encoder->forward(makeBatch({&e}, 0), options);
            QFAIL("not cancelled");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Cancelled);
        }
    }
};

QTEST_GUILESS_MAIN(TestBertModel)
#include "test_bert_model.moc"
