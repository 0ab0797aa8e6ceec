#include "fixtures.h"

#include "common/error.h"
#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/vocab.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <map>
#include <memory>

using namespace bertlens;

class TestBertTokenizer : public QObject {
    Q_OBJECT

    const BertTokenizer &tokenizerFor(const QString &vocabName, bool lower)
    {
        const QString key = vocabName + (lower ? "+lower" : "");
        auto &slot = m_tokenizers[key];
        if (!slot) {
            const QString path = vocabName == "tiny" ? test::fixture("tiny_vocab.txt") : test::sharedVocab(vocabName);
            TokenizerOptions options;
            options.normalizer.lowercase = lower;
            options.normalizer.stripAccents = lower;
            slot = std::make_unique<BertTokenizer>(Vocab::load(path.toStdString()), options);
        }
        return *slot;
    }
    std::map<QString, std::unique_ptr<BertTokenizer>> m_tokenizers;

private Q_SLOTS:
    // Every case of tokenizer_cases.json: tokens, ids, type ids and offsets as the reference
    // tokenizer (tests/fixtures/reference_tokenizer.py) gives them.
    void matchesReference_data()
    {
        QTest::addColumn<QJsonObject>("c");
        int i = 0;
        for (const auto &v : test::readJsonArray(test::fixture("tokenizer_cases.json"))) {
            const QJsonObject c = v.toObject();
            const QString name = QString("%1 #%2 %3").arg(c["vocab"].toString()).arg(i++).arg(c["text"].toString().left(24));
            QTest::newRow(name.toUtf8().constData()) << c;
        }
    }
    void matchesReference()
    {
        QFETCH(QJsonObject, c);
        const QString vocab = c["vocab"].toString();
        if (vocab != "tiny" && test::sharedVocab(vocab).isEmpty())
            QSKIP("../shared/vocab is not on this machine: real-vocabulary cases skipped");
        const BertTokenizer &tok = tokenizerFor(vocab, c["lower"].toBool());
        const std::string text = c["text"].toString().toStdString();
        const int maxLength = c["max_length"].toInt(0);
        const Encoding e = c.contains("pair") ? tok.encodePair(text, c["pair"].toString().toStdString(), maxLength)
                                              : tok.encode(text, maxLength);
        QStringList tokens, expectedTokens;
        for (const auto &t : e.tokens)
            tokens << QString::fromStdString(t);
        for (const auto &t : c["tokens"].toArray())
            expectedTokens << t.toString();
        QCOMPARE(tokens, expectedTokens);
        for (int i = 0; i < e.size(); ++i) {
            QCOMPARE(e.ids[size_t(i)], c["ids"].toArray()[i].toInt());
            QCOMPARE(e.typeIds[size_t(i)], c["type_ids"].toArray()[i].toInt());
            const QJsonArray offsets = c["offsets"].toArray()[i].toArray();
            QCOMPARE(e.offsets[size_t(i)].first, offsets[0].toInt());
            QCOMPARE(e.offsets[size_t(i)].second, offsets[1].toInt());
        }
        QCOMPARE(e.truncated, maxLength > 0 && e.untruncatedLength > maxLength);
    }

    // Word ids as Hugging Face's own Rust tokenizers give them (make_word_ids_fixture.js): the
    // pre-tokenizer's words, counted per text, a typed [MASK] a word of its own, -1 for [CLS]/[SEP];
    // roles by what a token is for, surfaces spelling the word.
    void wordIdsAsHuggingFace()
    {
        int checked = 0;
        for (const auto &v : test::readJsonArray(test::fixture("word_ids_golden.json"))) {
            const QJsonObject c = v.toObject();
            const QString vocab = c["vocab"].toString();
            if (vocab != "tiny" && test::sharedVocab(vocab).isEmpty())
                continue;
            const BertTokenizer &tok = tokenizerFor(vocab, c["lower"].toBool());
            const std::string text = c["text"].toString().toStdString();
            const int maxLength = c["max_length"].toInt(0);
            const Encoding e = c.contains("pair") ? tok.encodePair(text, c["pair"].toString().toStdString(), maxLength)
                                                  : tok.encode(text, maxLength);
            const QJsonArray ids = c["ids"].toArray(), words = c["word_ids"].toArray();
            QCOMPARE(qsizetype(e.size()), ids.size());
            for (int i = 0; i < e.size(); ++i) {
                QCOMPARE(e.ids[size_t(i)], ids[i].toInt());
                QVERIFY2(e.wordIds[size_t(i)] == words[i].toInt(), qPrintable(c["text"].toString() + " token " + QString::number(i)));
                QCOMPARE(e.roles[size_t(i)] == TokenRole::Cls || e.roles[size_t(i)] == TokenRole::Sep, e.specialMask[size_t(i)]
                                                                                                           || e.ids[size_t(i)] == tok.clsId()
                                                                                                           || e.ids[size_t(i)] == tok.sepId());
                QCOMPARE(e.roles[size_t(i)] == TokenRole::Mask, e.ids[size_t(i)] == tok.maskId());
                QCOMPARE(e.roles[size_t(i)] == TokenRole::Unknown, e.ids[size_t(i)] == tok.unknownId());
            }
            ++checked;
        }
        if (checked < 100)
            QSKIP(qPrintable(QString("only %1 cases: ../shared/vocab is not on this machine").arg(checked)));
        const BertTokenizer &tok = tokenizerFor("tiny", true);
        const Encoding e = tok.encode("the jumping [MASK]");
        QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "the", "jump", "##ing", "[MASK]", "[SEP]"}));
        QCOMPARE(e.surfaces, (std::vector<std::string>{"[CLS]", "the", "jump", "ing", "[MASK]", "[SEP]"}));
        QCOMPARE(e.wordIds, (std::vector<int>{-1, 0, 1, 1, 2, -1}));
        QVERIFY(e.continuesWord(3) && !e.continuesWord(2) && !e.continuesWord(4));
        QCOMPARE(e.positionsOf(TokenRole::Mask), std::vector<int>{4});
        QCOMPARE(tok.maskToken(), std::string("[MASK]"));
    }

    // The offsets of a cased model point at exactly the characters of each word piece.
    void offsetsSliceOriginalText()
    {
        if (test::sharedVocab("bert-base-multilingual-cased").isEmpty())
            QSKIP("../shared/vocab is not on this machine");
        const BertTokenizer &tok = tokenizerFor("bert-base-multilingual-cased", false);
        const QString text = QString::fromUtf8("Grüße aus Köln, 東京 und Москва! 🙂");
        const auto ucs4 = text.toUcs4();
        const Encoding e = tok.encode(text.toStdString());
        for (int i = 1; i + 1 < e.size(); ++i) {
            const auto [start, end] = e.offsets[size_t(i)];
            QString piece = QString::fromStdString(e.tokens[size_t(i)]);
            if (piece.startsWith("##"))
                piece = piece.mid(2);
            if (piece == "[UNK]")
                continue;
            QCOMPARE(QString::fromUcs4(ucs4.constData() + start, end - start), piece);
        }
    }

    void vocabularyStripsEntriesAndKeepsLineNumbers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("vocab.txt");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[PAD]\n  spaced \n\xe2\x80\xa8\nword\r\n[UNK]\n");
        f.close();
        const Vocab v = Vocab::load(path.toStdString());
        QCOMPARE(v.size(), 5);
        QCOMPARE(v.id("spaced"), 1);
        QCOMPARE(v.token(2), std::string()); // U+2028 alone strips to ''
        QCOMPARE(v.id("word"), 3);
        QCOMPARE(v.id("[UNK]"), 4);
    }

    void realVocabulariesHaveSpecialTokensWhereBertPutsThem()
    {
        for (const QString name : {"bert-base-uncased", "bert-base-chinese", "bert-base-multilingual-cased"}) {
            if (test::sharedVocab(name).isEmpty())
                QSKIP("../shared/vocab is not on this machine");
            const Vocab v = Vocab::load(test::sharedVocab(name).toStdString());
            QCOMPARE(v.id("[CLS]"), 101);
            QCOMPARE(v.id("[SEP]"), 102);
            if (name == "bert-base-chinese") {
                QCOMPARE(v.size(), 21128);
                QCOMPARE(v.token(343), std::string());
                QCOMPARE(v.token(13502), std::string("##"));
            }
        }
    }

    void invalidUtf8IsAnInputError()
    {
        const BertTokenizer &tok = tokenizerFor("tiny", true);
        try {
            tok.encode("ok \xc3\x28 bad");
            QFAIL("no error");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Input);
            QVERIFY2(QString(e.what()).contains("byte 3"), e.what());
        }
    }

    void maxLengthTooSmallIsAnError()
    {
        const BertTokenizer &tok = tokenizerFor("tiny", true);
        QVERIFY_THROWS_EXCEPTION(Error, tok.encode("hello", 2));
        QVERIFY_THROWS_EXCEPTION(Error, tok.encodePair("a", "b", 3));
        QCOMPARE(tok.encode("hello world", 3).size(), 3);
    }

    void missingSpecialTokenNamesTheToken()
    {
        try {
            BertTokenizer tok(Vocab::fromTokens({"[PAD]", "[UNK]", "[CLS]", "a"}), {});
            QFAIL("no error");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("[SEP]"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestBertTokenizer)
#include "test_bert_tokenizer.moc"
