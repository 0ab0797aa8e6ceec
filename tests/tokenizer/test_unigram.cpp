// SentencePiece's Unigram model (Viterbi over log-probabilities, unknowns fused) behind
// WhitespaceSplit + Metaspace, against Hugging Face's own Rust tokenizers on T5's real vocabulary
// (tests/fixtures/make_unigram_fixture.js): ids and offsets. T5's and XLM-R's Precompiled
// normalizer is a stage of its own (not yet), so the golden runs without it.
#include "fixtures.h"

#include "common/error.h"
#include "tokenizer/metaspace.h"
#include "tokenizer/tokenizer_json.h"
#include "tokenizer/unigram.h"

#include <QFile>

using namespace bertlens;

class TestUnigram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesHuggingFaceOnT5()
    {
        const QString path = QDir(BERTLENS_SHARED_DIR).filePath("vocab/t5-small/tokenizer.json");
        if (!QFile::exists(path))
            QSKIP("../shared/vocab/t5-small is not on this machine");
        const Unigram model = TokenizerJson::read(path.toStdString()).unigram();
        int checked = 0;
        for (const auto &v : test::readJsonArray(test::fixture("unigram_golden.json"))) {
            const QJsonObject c = v.toObject();
            CodePoints text;
            QVERIFY(decodeUtf8(c["text"].toString().toStdString(), text));
            std::vector<std::pair<int, std::pair<int, int>>> got;
            for (const MetaspaceWord &w : metaspaceWords(text)) {
                std::vector<BpeToken> pieces;
                model.tokenize(w.text, pieces);
                for (const BpeToken &p : pieces)
                    got.push_back({p.id, {w.origin[size_t(p.begin)], w.origin[size_t(p.end - 1)] + 1}});
            }
            const QJsonArray ids = c["ids"].toArray(), offsets = c["offsets"].toArray();
            QVERIFY2(qsizetype(got.size()) == ids.size(), qPrintable(c["text"].toString()));
            for (size_t i = 0; i < got.size(); ++i) {
                const QString where = c["text"].toString() + " piece " + QString::number(i);
                QVERIFY2(got[i].first == ids[qsizetype(i)].toInt(), qPrintable(where));
                QVERIFY2(got[i].second.first == offsets[qsizetype(i)].toArray()[0].toInt(), qPrintable(where));
                QVERIFY2(got[i].second.second == offsets[qsizetype(i)].toArray()[1].toInt(), qPrintable(where));
            }
            ++checked;
        }
        QCOMPARE(checked, 11);
    }

    // The best segmentation by score, not the longest match; unknown characters fused.
    void viterbiPicksTheHighestScore()
    {
        const Unigram model({{"<unk>", 0}, {"a", -1}, {"b", -1}, {"ab", -3}, {"abc", -10}, {"c", -1}}, 0);
        std::vector<BpeToken> out;
        model.tokenize(U"abc", out); // a b c: −3 beats ab c: −4 and abc: −10
        QCOMPARE(out.size(), size_t(3));
        out.clear();
        model.tokenize(U"a\u4e2d\u6587b", out); // the two unknowns are one token
        QCOMPARE(out.size(), size_t(3));
        QVERIFY(out[1].id == 0 && out[1].begin == 1 && out[1].end == 3);
        QVERIFY_THROWS_EXCEPTION(Error, Unigram({{"a", -1}}, 5));
    }
};

QTEST_GUILESS_MAIN(TestUnigram)
#include "test_unigram.moc"
