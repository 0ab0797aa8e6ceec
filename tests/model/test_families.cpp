// The BERT family beyond BERT — RoBERTa, XLM-R, ELECTRA (the generator, embeddings narrower than
// its layers) and a multilingual sentence-transformers folder (BERT layers, XLM-R's tokenizer) —
// against an independent float64 implementation of each published architecture
// (tests/fixtures/make_family_fixtures.py): every hidden state and attention map, the masked-LM
// logits and the sentence vector, at atol 1e-4. Each folder is read as users have it, under its
// family's own checkpoint names and with its own tokenizer file.
#include "fixtures.h"

#include "analysis/mask_predictions.h"
#include "analysis/pooling.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"

#include <ATen/ATen.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace bertlens;

namespace {

double maxDifference(const at::Tensor &got, const QJsonArray &expected)
{
    const at::Tensor flat = got.to(at::kDouble).contiguous().reshape({-1});
    std::vector<double> want;
    std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &v) {
        if (v.isArray())
            for (const QJsonValue &x : v.toArray())
                collect(x);
        else
            want.push_back(v.toDouble());
    };
    collect(expected);
    if (size_t(flat.numel()) != want.size())
        return std::numeric_limits<double>::infinity();
    double worst = 0;
    for (size_t i = 0; i < want.size(); ++i)
        worst = std::max(worst, std::abs(flat[int64_t(i)].item<double>() - want[i]));
    return worst;
}

Batch batchOf(const std::vector<int64_t> &ids)
{
    const int64_t t = int64_t(ids.size());
    return {at::tensor(ids, at::kLong).view({1, t}), at::zeros({1, t}, at::kLong), at::ones({1, t}, at::kLong)};
}

} // namespace

class TestFamilies : public QObject {
    Q_OBJECT

    QJsonObject m_golden;

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(test::fixture("family_golden.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_golden = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m_golden.size(), 4);
    }

    void matchesReference_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("tokenizerModel");
        QTest::addColumn<QString>("maskToken");
        QTest::newRow("roberta") << "tiny-roberta" << "BPE" << "<mask>";
        QTest::newRow("xlm-roberta") << "tiny-xlmr" << "Unigram" << "<mask>";
        QTest::newRow("electra generator") << "tiny-electra" << "WordPiece" << "[MASK]";
        QTest::newRow("multilingual sentence-transformers") << "tiny-multilingual-st" << "Unigram" << "<mask>";
    }

    void matchesReference()
    {
        QFETCH(QString, folder);
        QFETCH(QString, tokenizerModel);
        QFETCH(QString, maskToken);
        const auto model = LoadedModel::load(test::fixturePath("models/" + folder));
        QCOMPARE(QString(model->tokenizer->modelKind()), tokenizerModel);
        QCOMPARE(QString::fromStdString(model->tokenizer->maskToken()), maskToken);
        int checked = 0;
        for (const QJsonValue &v : m_golden[folder].toArray()) {
            const QJsonObject c = v.toObject();
            std::vector<int64_t> ids;
            for (const QJsonValue &id : c["ids"].toArray())
                ids.push_back(id.toInt());
            ForwardOptions options;
            options.attentions = true;
            const ForwardResult out = model->encoder->forward(batchOf(ids), options);
            const at::Tensor hidden = out.hidden.select(1, 0), attentions = out.attentions.select(1, 0);
            QVERIFY2(maxDifference(hidden, c["hidden"].toArray()) < test::kTolerance, qPrintable(folder));
            QVERIFY2(maxDifference(attentions, c["attentions"].toArray()) < test::kTolerance, qPrintable(folder));
            const at::Tensor last = hidden[-1];
            if (c.contains("mlm_logits_last")) {
                QVERIFY2(model->mlmHead, model->mlmHeadMissing.c_str());
                QVERIFY(maxDifference(model->mlmHead->logits(last[-2]), c["mlm_logits_last"].toArray()) < test::kTolerance);
            } else {
                QCOMPARE(model->folder.sentenceTransformer.pooling, std::string("mean"));
                QVERIFY(model->folder.sentenceTransformer.normalize);
                at::Tensor pooled = poolTokens(last.unsqueeze(0), at::ones({1, last.size(0)}, at::kLong), Pooling::Mean)[0];
                pooled = pooled / pooled.norm();
                QVERIFY(maxDifference(pooled, c["sentence_vector"].toArray()) < test::kTolerance);
            }
            ++checked;
        }
        QVERIFY(checked >= 2);
    }

    // RoBERTa numbers positions after padding_idx: a 42-position table takes 40 tokens, not 42.
    void robertaLengthLeavesRoomForPaddingIdx()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-roberta"));
        QCOMPARE(model->maxLength, 40);
        QVERIFY_THROWS_EXCEPTION(Error, model->encoder->forward(batchOf(std::vector<int64_t>(41, 40))));
        (void)model->encoder->forward(batchOf(std::vector<int64_t>(40, 40)));
    }

    // From text: the tokenizer, the batch (padded with the family's <pad>), fill-mask with <mask>.
    void textRunsThroughEveryFamily_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("text");
        QTest::newRow("roberta") << "tiny-roberta" << "the cat sat on the <mask>.";
        QTest::newRow("xlm-roberta") << "tiny-xlmr" << "the cat sat on the <mask>.";
        QTest::newRow("electra") << "tiny-electra" << "the quick [MASK] fox";
    }

    void textRunsThroughEveryFamily()
    {
        QFETCH(QString, folder);
        QFETCH(QString, text);
        const auto model = LoadedModel::load(test::fixturePath("models/" + folder));
        const Encoding e = model->tokenizer->encode(text.toStdString());
        const std::vector<int> masks = e.positionsOf(TokenRole::Mask);
        QCOMPARE(masks.size(), size_t(1));
        // Alone and in a padded batch beside a longer text, the same vectors.
        const Encoding longer = model->tokenizer->encode((text + " and more words here").toStdString());
        const ForwardResult alone = model->encoder->forward(makeBatch({&e}, model->tokenizer->padId()));
        const ForwardResult padded = model->encoder->forward(makeBatch({&e, &longer}, model->tokenizer->padId()));
        const at::Tensor a = alone.hidden.select(1, 0), b = padded.hidden.select(1, 0).narrow(1, 0, e.size());
        QVERIFY((a - b).abs().max().item<double>() < test::kTolerance);
        const auto predictions = predictMasks(*model, e, sentenceOf(alone, 0, e.size()), 5, false);
        QCOMPARE(predictions.size(), size_t(1));
        QCOMPARE(predictions[0].top.size(), size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestFamilies)
#include "test_families.moc"
