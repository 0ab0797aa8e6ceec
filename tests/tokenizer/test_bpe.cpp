// Byte-level BPE (GPT-2's split, the byte alphabet, merges by rank) against Hugging Face's own Rust
// tokenizers on RoBERTa's real tokenizer.json (tests/fixtures/make_bpe_fixture.js): ids, offsets
// and word ids of text mixing scripts, emoji, odd whitespace and control characters.
#include "fixtures.h"

#include "common/error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/byte_level_bpe.h"
#include "tokenizer/byte_level_tokenizer.h"
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
            if (text.contains("<mask>") || c.contains("pair") || c.contains("max_length"))
                continue; // added tokens, pairs and truncation: the whole tokenizer's (below)
            CodePoints cps;
            QVERIFY(decodeUtf8(text.toStdString(), cps));
            const std::vector<TokenPiece> pieces = byteLevelBpe(cps, bpe, true);
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

    // The whole tokenizer (added tokens, BPE, RobertaProcessing, truncation) as Hugging Face's.
    void robertaTokenizerMatchesHuggingFace()
    {
        const std::string path = QDir(BERTLENS_SHARED_DIR).filePath("vocab/roberta-base/tokenizer.json").toStdString();
        if (!QFile::exists(QString::fromStdString(path)))
            QSKIP("../shared/vocab/roberta-base is not on this machine");
        const auto tok = ByteLevelTokenizer::fromJson(TokenizerJson::read(path), path);
        int checked = 0;
        for (const auto &v : test::readJsonArray(test::fixture("bpe_golden.json"))) {
            const QJsonObject c = v.toObject();
            const std::string text = c["text"].toString().toStdString();
            const int maxLength = c["max_length"].toInt(0);
            const Encoding e = c.contains("pair") ? tok->encodePair(text, c["pair"].toString().toStdString(), maxLength)
                                                  : tok->encode(text, maxLength);
            const QJsonArray ids = c["ids"].toArray(), offsets = c["offsets"].toArray(), words = c["word_ids"].toArray();
            QVERIFY2(qsizetype(e.size()) == ids.size(), qPrintable(c["text"].toString()));
            for (int i = 0; i < e.size(); ++i) {
                const QString where = c["text"].toString() + " token " + QString::number(i);
                QVERIFY2(e.ids[size_t(i)] == ids[i].toInt(), qPrintable(where));
                QVERIFY2(e.offsets[size_t(i)].first == offsets[i].toArray()[0].toInt(), qPrintable(where));
                QVERIFY2(e.offsets[size_t(i)].second == offsets[i].toArray()[1].toInt(), qPrintable(where));
                QVERIFY2(e.wordIds[size_t(i)] == words[i].toInt(), qPrintable(where));
                QCOMPARE(e.typeIds[size_t(i)], 0);
            }
            QCOMPARE(e.roles.front(), TokenRole::Cls);
            QCOMPARE(e.roles.back(), TokenRole::Sep);
            ++checked;
        }
        QCOMPARE(checked, 23);
        const Encoding masked = tok->encode("The <mask> sat.");
        QCOMPARE(masked.positionsOf(TokenRole::Mask), std::vector<int>{2});
        QCOMPARE(masked.tokens[2], std::string("<mask>"));
        QCOMPARE(masked.labels[3], std::string(" sat")); // 'Ġsat' read as the text it stands for
        QCOMPARE(masked.surfaces[3], std::string("sat")); // and what it adds to its word's spelling
        QCOMPARE(tok->label(tok->vocab().id("\xC3\xA6")), std::string("<0xE6>")); // half of a character
        QCOMPARE(tok->label(tok->vocab().id("\xC4\xA0")), std::string("\xE2\x90\xA3")); // a space alone: ␣
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
