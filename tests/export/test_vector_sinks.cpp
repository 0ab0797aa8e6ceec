#include "fixtures.h"

#include "common/error.h"
#include "export/layer_selection.h"
#include "export/vector_sinks.h"
#include "io/text_source.h"
#include "model/loaded_model.h"

#include <QTemporaryDir>

#include <random>

using namespace bertlens;

namespace {

QList<QByteArray> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

void exportTexts(const std::vector<std::string> &texts, SentenceSink &sink, int batchSize = 2)
{
    std::vector<SentenceInput> inputs;
    for (const auto &text : texts)
        inputs.push_back({text, "", false});
    InputList source(inputs);
    PipelineOptions options;
    options.batchSize = batchSize;
    runPipeline(*tinyModel(), source, sink, options);
}

} // namespace

class TestVectorSinks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void floatsRoundTrip()
    {
        std::mt19937 rng(7);
        std::uniform_int_distribution<uint32_t> bits;
        for (int i = 0; i < 100000; ++i) {
            uint32_t b = bits(rng);
            float f;
            std::memcpy(&f, &b, 4);
            if (!std::isfinite(f))
                continue;
            std::string s;
            appendFloat(s, f);
            QCOMPARE(std::strtof(s.c_str(), nullptr), f);
        }
        std::string s;
        appendFloat(s, 0.1f);
        QCOMPARE(s, std::string("0.1"));
    }

    void csvFieldsAreQuotedWhenNeeded()
    {
        std::string out;
        appendCsvField(out, ",");
        out += ' ';
        appendCsvField(out, "\"");
        out += ' ';
        appendCsvField(out, "##ing");
        QCOMPARE(out, std::string("\",\" \"\"\"\" ##ing"));
    }

    // What appendCsvField writes, parseCsv reads back field for field (the window's table view).
    void csvParsesWhatItWrites()
    {
        const std::vector<std::vector<std::string>> rows = {{"token", "value"}, {",", "1"}, {"\"quoted\"", "2"}, {"two\nlines", ""}, {"##ing", "-0.5"}};
        std::string csv;
        for (const auto &row : rows) {
            for (size_t i = 0; i < row.size(); ++i) {
                if (i)
                    csv += ',';
                appendCsvField(csv, row[i]);
            }
            csv += '\n';
        }
        QCOMPARE(parseCsv(csv), rows);
        QCOMPARE(parseCsv("a,b\r\n1,2"), (std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}}));
    }

    void tokenCsvHoldsEveryTokenAndLayer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("tokens.csv");
        const auto model = tinyModel();
        const std::vector<std::string> texts = {"hello, world", "fox"};
        const auto sink = makeEmbeddingSink(path.toStdString(), {{0, 2}, Pooling::None}, 32);
        exportTexts(texts, *sink);
        const auto lines = readLines(path);
        QVERIFY(lines[0].startsWith("sentence,token_index,token,layer,d0,d1,"));
        QVERIFY(lines[0].endsWith(",d31"));
        // [CLS] hello "," world [SEP] and [CLS] fox [SEP], two layers each.
        QCOMPARE(lines.size(), 1 + (5 + 3) * 2);
        QVERIFY(lines[5].startsWith("1,2,\",\",0,")); // sentences count from 1, tokens from 0
        const Encoding e = model->tokenizer->encode(texts[1]);
        const at::Tensor hidden = model->encoder->forward(makeBatch({&e}, 0)).hidden;
        const QList<QByteArray> row = lines[1 + 5 * 2 + 1 * 2 + 1].split(','); // sentence 1, token 1, layer 2
        QCOMPARE(row.mid(0, 4), (QList<QByteArray>{"2", "1", "fox", "2"}));
        QCOMPARE(row.size(), 4 + 32);
        for (int d = 0; d < 32; ++d)
            QVERIFY(std::abs(row[4 + d].toFloat() - hidden[2][0][1][d].item<float>()) < 1e-5);
    }

    void npyHoldsPooledVectors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("vectors.npy");
        const std::vector<std::string> texts = {"hello world", "the lazy dog", "fox"};
        const auto sink = makeEmbeddingSink(path.toStdString(), {{0, 1, 2}, Pooling::Mean}, 32);
        exportTexts(texts, *sink);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\x93NUMPY\x01\x00"));
        const int headerLength = uchar(bytes[8]) | (uchar(bytes[9]) << 8);
        QCOMPARE((10 + headerLength) % 64, 0);
        const QByteArray header = bytes.mid(10, headerLength);
        QVERIFY2(header.contains("'shape': (3, 3, 32)"), header.constData());
        QCOMPARE(bytes.size(), 10 + headerLength + 3 * 3 * 32 * 4);
        const Encoding e = tinyModel()->tokenizer->encode(texts[1]);
        const at::Tensor expected = tinyModel()->encoder->forward(makeBatch({&e}, 0)).hidden.select(1, 0).mean(1); // [3,H]
        const at::Tensor stored = at::from_blob(const_cast<char *>(bytes.constData()) + 10 + headerLength, {3, 3, 32});
        QVERIFY(test::maxAbsDiff(stored[1], expected) < 1e-5);
    }

    void attentionCsvRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("attention.csv");
        const auto sink = makeAttentionSink(path.toStdString(), {2});
        exportTexts({"hello world"}, *sink);
        const auto lines = readLines(path);
        QCOMPARE(lines[0], QByteArray("sentence,layer,head,from_index,to_index,weight,from_token,to_token"));
        QCOMPARE(lines.size(), 1 + 4 * 4 * 4); // 4 heads x 4 tokens x 4 tokens
        const Encoding e = tinyModel()->tokenizer->encode("hello world");
        ForwardOptions options;
        options.attentions = true;
        const at::Tensor maps = tinyModel()->encoder->forward(makeBatch({&e}, 0), options).attentions;
        const QList<QByteArray> row = lines[1 + 3 * 16 + 2 * 4 + 1].split(',');
        QCOMPARE(row.mid(0, 5), (QList<QByteArray>{"1", "2", "4", "2", "1"})); // head 4 of 4
        QCOMPARE(row[5].toFloat(), maps[1][0][3][2][1].item<float>());
    }

    // A failure part-way leaves an existing output untouched and no temporary file behind.
    void failedExportLeavesExistingFileAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("out.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious\n");
        f.close();
        {
            const auto sink = makeEmbeddingSink(path.toStdString(), {{0}, Pooling::Cls}, 32);
            QVERIFY_THROWS_EXCEPTION(Error, exportTexts({"fine", "broken \xff utf-8", "never"}, *sink, 1));
        }
        QCOMPARE(readLines(path), QList<QByteArray>{"precious"});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"out.csv"});
    }

    void layerSelection()
    {
        QCOMPARE(parseHiddenLayers("all", 2), (std::vector<int>{0, 1, 2}));
        QCOMPARE(parseHiddenLayers("-1", 12), (std::vector<int>{12}));
        QCOMPARE(parseHiddenLayers("0,4,-2", 12), (std::vector<int>{0, 4, 11}));
        QCOMPARE(parseAttentionLayers("all", 2), (std::vector<int>{1, 2}));
        QVERIFY_THROWS_EXCEPTION(Error, parseHiddenLayers("13", 12));
        QVERIFY_THROWS_EXCEPTION(Error, parseAttentionLayers("0", 12));
        QVERIFY_THROWS_EXCEPTION(Error, parseHiddenLayers("1,x", 12));
        QVERIFY_THROWS_EXCEPTION(Error, parseHiddenLayers("", 12));
    }
};

QTEST_GUILESS_MAIN(TestVectorSinks)
#include "test_vector_sinks.moc"
