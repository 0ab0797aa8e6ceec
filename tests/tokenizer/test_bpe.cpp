// Byte-level BPE (GPT-2's split, the byte alphabet, merges by rank) against Hugging Face's own Rust
// tokenizers on RoBERTa's real tokenizer.json (tests/fixtures/make_bpe_fixture.js): ids, offsets
// and word ids of text mixing scripts, emoji, odd whitespace and control characters.
#include "fixtures.h"

#include "common/error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/byte_level_bpe.h"
#include "tokenizer/tokenizer_json.h"

#include <QFile>

using namespace bertlens;

class TestBpe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byteAlphabetIsGpt2s()
    {
        QCOMPARE(byteLevelChar(' '), char32_t(0x120)); // 'Ġ'
        QCOMPARE(byteLevelChar('\n'), char32_t(0x10A)); // 'Ċ'
        QCOMPARE(byteLevelChar('a'), char32_t('a'));
        for (int b = 0; b < 256; ++b)
            QCOMPARE(byteOfByteLevelChar(byteLevelChar(uint8_t(b))), b);
        QCOMPARE(byteOfByteLevelChar(U'中'), -1);
    }

    void gpt2SplitsWords()
    {
        auto words = [](const std::u32string &text) {
            QStringList out;
            for (const WordSpan &w : splitByteLevelWords(text))
                out << QString::fromStdString(encodeUtf8(text.substr(size_t(w.begin), size_t(w.end - w.begin))));
            return out;
        };
        QCOMPARE(words(U"I'm here  now"), (QStringList{"I", "'m", " here", " ", " now"}));
        QCOMPARE(words(U"a1,b  "), (QStringList{"a", "1", ",", "b", "  "}));
        QCOMPARE(words(U"\r\nx"), (QStringList{"\r", "\n", "x"}));
    }

    void matchesHuggingFaceOnRoberta()
    {
        const QString dir = QDir(BERTLENS_SHARED_DIR).filePath("vocab/roberta-base/tokenizer.json");
        if (!QFile::exists(dir))
            QSKIP("../shared/vocab/roberta-base is not on this machine");
        const Bpe bpe = TokenizerJson::read(dir.toStdString()).bpe();
        int checked = 0;
        for (const auto &v : test::readJsonArray(test::fixture("bpe_golden.json"))) {
            const QJsonObject c = v.toObject();
            const QString text = c["text"].toString();
            if (text.contains("<mask>"))
                continue; // added tokens are a stage of their own (not yet)
            CodePoints cps;
            QVERIFY(decodeUtf8(text.toStdString(), cps));
            const std::vector<TextPiece> pieces = byteLevelBpe(cps, bpe, true);
            const QJsonArray ids = c["ids"].toArray(), offsets = c["offsets"].toArray(), words = c["word_ids"].toArray();
            QCOMPARE(qsizetype(pieces.size()) + 2, ids.size()); // <s> … </s>
            for (size_t i = 0; i < pieces.size(); ++i) {
                const QString where = text + " piece " + QString::number(i);
                QVERIFY2(pieces[i].id == ids[qsizetype(i) + 1].toInt(), qPrintable(where));
                QVERIFY2(pieces[i].begin == offsets[qsizetype(i) + 1].toArray()[0].toInt(), qPrintable(where));
                QVERIFY2(pieces[i].end == offsets[qsizetype(i) + 1].toArray()[1].toInt(), qPrintable(where));
                QVERIFY2(pieces[i].word == words[qsizetype(i) + 1].toInt(), qPrintable(where));
            }
            ++checked;
        }
        QCOMPARE(checked, 18);
    }

    // A stranger's text can be one long "word" (the heap keeps it O(n log n); bench, not test, for time).
    void longWordIsMergedByRank()
    {
        std::unordered_map<std::string, int> vocab{{"a", 0}, {"aa", 1}, {"aaaa", 2}};
        const Bpe bpe(vocab, {{"a", "a"}, {"aa", "aa"}});
        std::vector<BpeToken> out;
        bpe.tokenize(std::u32string(200001, U'a'), out);
        QCOMPARE(out.size(), size_t(50001));
        QVERIFY(out.front().id == 2 && out.back().id == 0 && out.back().begin == 200000 && out.back().end == 200001);
    }

    void mergeOutsideTheVocabularyIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(Error, Bpe({{"a", 0}}, {{"a", "a"}}));
    }
};

QTEST_GUILESS_MAIN(TestBpe)
#include "test_bpe.moc"
