// ChineseSegmenter against jieba itself (tests/fixtures/make_jieba_cases.py, HMM off), with the
// dictionary of Debian's python3-jieba; skipped where that is not installed.
#include "fixtures.h"

#include "common/error.h"
#include "tokenizer/chinese_segmenter.h"
#include "tokenizer/unicode_text.h"

#include <QJsonObject>
#include <QTemporaryDir>

using namespace bertlens;

class TestChineseSegmenter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesJieba()
    {
        const std::string dict = ChineseSegmenter::defaultDictionary();
        if (dict.empty())
            QSKIP("no jieba dictionary (Debian package python3-jieba) on this machine");
        const ChineseSegmenter segmenter = ChineseSegmenter::load(dict);
        QVERIFY(segmenter.size() > 300000);
        for (const auto &value : test::readJsonArray(test::fixture("jieba_cases.json"))) {
            const QJsonObject c = value.toObject();
            CodePoints text;
            QVERIFY(decodeUtf8(c["text"].toString().toStdString(), text));
            QStringList got, expected;
            for (const auto &word : segmenter.cut(text))
                got << QString::fromStdString(encodeUtf8(word));
            for (const auto &word : c["words"].toArray())
                expected << word.toString();
            QCOMPARE(got, expected);
        }
    }

    void malformedDictionaryIsNamed()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("dict.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("好 10 a\nnofrequency\n");
        f.close();
        try {
            ChineseSegmenter::load(f.fileName().toStdString());
            QFAIL("no error");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("line 2"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestChineseSegmenter)
#include "test_chinese_segmenter.moc"
