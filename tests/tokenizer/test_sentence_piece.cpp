// SentencePiece's tokenizers from tokenizer.json — the Precompiled charsmap, Replace, NFKC,
// Lowercase and StripAccents normalizers, Metaspace's prepend schemes, Unigram (Viterbi, unknowns
// fused) and the post-processor templates — against Hugging Face's own Rust tokenizers on T5's
// real vocabulary, as the file is and with XLM-R's stages (tests/fixtures/make_sentence_piece_fixture.js):
// ids, offsets, word ids and type ids of texts in several scripts, emoji, odd whitespace, control
// characters, typed special tokens, pairs and truncation.
#include "fixtures.h"

#include "common/error.h"
#include "tokenizer/normalized_string.h"
#include "tokenizer/precompiled_charsmap.h"
#include "tokenizer/sentence_piece_tokenizer.h"
#include "tokenizer/tokenizer_json.h"
#include "tokenizer/unigram.h"

#include <QFile>
#include <QJsonDocument>

using namespace bertlens;

namespace {

// T5's tokenizer.json with a golden case's stages in place of its own ("T5": its charsmap).
QJsonObject withOverrides(QJsonObject root, const QJsonObject &overrides)
{
    const QString charsmap = root["normalizer"].toObject()["precompiled_charsmap"].toString();
    QByteArray text = QJsonDocument(overrides).toJson(QJsonDocument::Compact);
    text.replace("\"T5\"", QJsonDocument(QJsonArray{charsmap}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    const QJsonObject filled = QJsonDocument::fromJson(text).object();
    for (auto it = filled.begin(); it != filled.end(); ++it)
        root[it.key()] = it.value();
    return root;
}

} // namespace

class TestSentencePiece : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesHuggingFace()
    {
        const QString path = QDir(BERTLENS_SHARED_DIR).filePath("vocab/t5-small/tokenizer.json");
        if (!QFile::exists(path))
            QSKIP("../shared/vocab/t5-small is not on this machine");
        const QJsonObject t5 = TokenizerJson::read(path.toStdString()).root();
        QFile golden(test::fixture("sentence_piece_golden.json"));
        QVERIFY(golden.open(QIODevice::ReadOnly));
        const QJsonObject cases = QJsonDocument::fromJson(golden.readAll()).object()["cases"].toObject();
        QCOMPARE(cases.size(), 3);
        int checked = 0;
        for (auto it = cases.begin(); it != cases.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            const auto json = TokenizerJson::fromObject(withOverrides(t5, c["overrides"].toObject()), path.toStdString());
            const auto tok = SentencePieceTokenizer::fromJson(json, path.toStdString());
            for (const QJsonValue &v : c["encodings"].toArray()) {
                const QJsonObject g = v.toObject();
                const std::string text = g["text"].toString().toStdString();
                const int maxLength = g["max_length"].toInt(0);
                const Encoding e = g["pair"].isString() ? tok->encodePair(text, g["pair"].toString().toStdString(), maxLength)
                                                        : tok->encode(text, maxLength);
                const QString where = it.key() + ": " + g["text"].toString();
                const QJsonArray ids = g["ids"].toArray(), offsets = g["offsets"].toArray(), words = g["word_ids"].toArray(),
                                 types = g["type_ids"].toArray();
                QVERIFY2(qsizetype(e.size()) == ids.size(),
                         qPrintable(where + " has " + QString::number(e.size()) + " tokens, not " + QString::number(ids.size())));
                for (int i = 0; i < e.size(); ++i) {
                    const QString at = where + " token " + QString::number(i) + " " + QString::fromStdString(e.tokens[size_t(i)]);
                    QVERIFY2(e.ids[size_t(i)] == ids[i].toInt(), qPrintable(at));
                    QVERIFY2(e.offsets[size_t(i)].first == offsets[i].toArray()[0].toInt()
                                 && e.offsets[size_t(i)].second == offsets[i].toArray()[1].toInt(),
                             qPrintable(at + " offsets " + QString::number(e.offsets[size_t(i)].first) + ","
                                        + QString::number(e.offsets[size_t(i)].second)));
                    QVERIFY2(e.wordIds[size_t(i)] == words[i].toInt(), qPrintable(at));
                    QVERIFY2(e.typeIds[size_t(i)] == types[i].toInt(), qPrintable(at));
                }
                ++checked;
            }
        }
        QCOMPARE(checked, 3 * 22);
    }

    // The window reads ▁ as a space; a word's spelling drops it.
    void labelsShowTheSpaceMark()
    {
        const QString path = QDir(BERTLENS_SHARED_DIR).filePath("vocab/t5-small/tokenizer.json");
        if (!QFile::exists(path))
            QSKIP("../shared/vocab/t5-small is not on this machine");
        const auto tok = SentencePieceTokenizer::fromJson(TokenizerJson::read(path.toStdString()), path.toStdString());
        const Encoding e = tok->encode("Hello jumps");
        QCOMPARE(e.labels[0], std::string(" Hello"));
        QCOMPARE(e.surfaces[0], std::string("Hello"));
        QCOMPARE(e.roles.back(), TokenRole::Sep);
        QCOMPARE(std::string(tok->modelKind()), std::string("Unigram"));
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

    // A charsmap from a stranger: a trie that points outside its data is refused or ignored,
    // never read past.
    void brokenCharsmapIsBounded()
    {
        QVERIFY_THROWS_EXCEPTION(Error, PrecompiledCharsmap(std::string("\x08\x00\x00", 3), "x.json"));
        QVERIFY_THROWS_EXCEPTION(Error, PrecompiledCharsmap(std::string("\xFF\x00\x00\x00" "abcd", 8), "x.json"));
        const PrecompiledCharsmap map(std::string("\x04\x00\x00\x00\xFF\xFF\xFF\x7F", 8), "x.json");
        NormalizedString s = NormalizedString::of(U"abc\u00e9");
        map.normalize(s);
        QVERIFY(s.text == U"abc\u00e9");
    }

    void unknownStagesAreRefusedByName()
    {
        QJsonArray vocab;
        vocab.append(QJsonArray{"<unk>", 0.0}); // (braces around one array would copy it, not nest it)
        QJsonObject root{{"model", QJsonObject{{"type", "Unigram"}, {"unk_id", 0}, {"vocab", vocab}}},
                         {"normalizer", QJsonObject{{"type", "Nmt"}}}};
        try {
            SentencePieceTokenizer::fromJson(TokenizerJson::fromObject(root, "t.json"), "t.json");
            QFAIL("an unknown normalizer was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("'Nmt'") && QString(e.what()).contains("t.json"), e.what());
        }
        root["normalizer"] = QJsonValue::Null;
        root["pre_tokenizer"] = QJsonObject{{"type", "UnicodeScripts"}};
        try {
            SentencePieceTokenizer::fromJson(TokenizerJson::fromObject(root, "t.json"), "t.json");
            QFAIL("an unknown pre-tokenizer was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("'UnicodeScripts'"), e.what());
        }
        root["pre_tokenizer"] = QJsonValue::Null;
        (void)SentencePieceTokenizer::fromJson(TokenizerJson::fromObject(root, "t.json"), "t.json"); // the rest is valid
    }
};

QTEST_GUILESS_MAIN(TestSentencePiece)
#include "test_sentence_piece.moc"
