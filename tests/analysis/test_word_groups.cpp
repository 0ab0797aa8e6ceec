// Word-level views: pieces grouped into words (and Chinese characters into dictionary words),
// attention rows that still sum to 1, word vectors as means — against direct computation.
#include "fixtures.h"

#include "analysis/word_groups.h"
#include "model/loaded_model.h"
#include "tokenizer/chinese_segmenter.h"

using namespace bertlens;

class TestWordGroups : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void piecesFormWords()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        const Encoding e = model->tokenizer->encode("hello world, bert!");
        const WordGroups w = groupWords(e);
        QStringList labels;
        for (const auto &l : w.labels)
            labels << QString::fromStdString(l);
        QCOMPARE(labels, (QStringList{"[CLS]", "hello", "world", ",", "bert", "!", "[SEP]"}));
        QCOMPARE(int(w.wordOfToken.size()), e.size());
        for (int t = 0; t < e.size(); ++t) {
            const auto &group = w.tokens[size_t(w.wordOfToken[size_t(t)])];
            QVERIFY(std::find(group.begin(), group.end(), t) != group.end());
        }
    }

    void attentionAndVectorsAggregate()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        const Encoding e = model->tokenizer->encode("hello world");
        const WordGroups w = groupWords(e);
        Matrix attention(e.size(), e.size());
        Matrix vectors(e.size(), 3);
        for (int i = 0; i < e.size(); ++i) {
            for (int j = 0; j < e.size(); ++j)
                attention.at(i, j) = float(1 + i + 2 * j);
            float sum = 0;
            for (int j = 0; j < e.size(); ++j)
                sum += attention.at(i, j);
            for (int j = 0; j < e.size(); ++j)
                attention.at(i, j) /= sum;
            for (int d = 0; d < 3; ++d)
                vectors.at(i, d) = float(i * 3 + d);
        }
        const Matrix a = wordAttention(attention, w);
        const Matrix v = wordVectors(vectors, w);
        QCOMPARE(a.rows, w.size());
        for (int r = 0; r < w.size(); ++r) {
            double rowSum = 0;
            for (int c = 0; c < w.size(); ++c) {
                double expected = 0;
                for (int i : w.tokens[size_t(r)])
                    for (int j : w.tokens[size_t(c)])
                        expected += attention.at(i, j) / double(w.tokens[size_t(r)].size());
                QVERIFY(std::abs(a.at(r, c) - expected) < 1e-6);
                rowSum += a.at(r, c);
            }
            QVERIFY(std::abs(rowSum - 1) < 1e-5);
            for (int d = 0; d < 3; ++d) {
                double mean = 0;
                for (int i : w.tokens[size_t(r)])
                    mean += vectors.at(i, d) / double(w.tokens[size_t(r)].size());
                QVERIFY(std::abs(v.at(r, d) - mean) < 1e-5);
            }
        }
    }

    void chineseCharactersFormDictionaryWords()
    {
        const std::string dict = ChineseSegmenter::defaultDictionary();
        if (dict.empty())
            QSKIP("no jieba dictionary (Debian package python3-jieba) on this machine");
        const ChineseSegmenter segmenter = ChineseSegmenter::load(dict);
        std::vector<std::string> tokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
        for (const char *c : {"银", "行", "在", "河", "边", "。"})
            tokens.push_back(c);
        const BertTokenizer tokenizer(Vocab::fromTokens(tokens), TokenizerOptions{});
        const Encoding e = tokenizer.encode("银行在河边。");
        const WordGroups characters = groupWords(e);
        QCOMPARE(characters.size(), e.size());
        const WordGroups words = groupWords(e, &segmenter);
        QStringList labels;
        for (const auto &l : words.labels)
            labels << QString::fromStdString(l);
        QCOMPARE(labels, (QStringList{"[CLS]", "银行", "在", "河边", "。", "[SEP]"}));
    }
};

QTEST_GUILESS_MAIN(TestWordGroups)
#include "test_word_groups.moc"
