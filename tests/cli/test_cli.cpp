#include "cli_runner.h"
#include "fixtures.h"

#include "analysis/corpus_index.h"
#include "analysis/maps/collected_vectors.h"
#include "analysis/maps/embedding_map.h"
#include "model/loaded_model.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <map>

using namespace bertlens;

namespace {

using test::cli;
using test::Run;

const QString kModel = test::fixture("models/tiny-safetensors");

// The data rows of a CSV file (the header left out).
QList<QByteArray> csvRows(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    lines.removeFirst();
    return lines;
}

int v0Dims(const QList<QByteArray> &vectorLines) { return int(vectorLines.first().split('\t').size()); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QString writeInput(QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath("input.txt");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The fill-mask contract: one JSON line per text, predictions sorted, probabilities as the reference.
    void fillMask()
    {
        Run r = cli({"fill-mask", "--model", kModel, "--top-k", "4", "--all-layers", "the [MASK] jumps over the [MASK] dog!"});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out.count('\n'), 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["text"].toString(), QString("the [MASK] jumps over the [MASK] dog!"));
        QCOMPARE(o["tokens"].toArray().first().toString(), QString("[CLS]"));
        const QJsonArray masks = o["masks"].toArray();
        const at::Tensor probs = test::goldenTensor("fill.probs"); // [L+1, masks, V]
        QCOMPARE(masks.size(), 2);
        for (int m = 0; m < 2; ++m) {
            const QJsonObject mask = masks[m].toObject();
            QCOMPARE(mask["index"].toInt(), int(test::goldenTensor("fill.mask_index")[m].item<int64_t>()));
            const QJsonArray predictions = mask["predictions"].toArray();
            QCOMPARE(predictions.size(), 4);
            for (int k = 0; k < 4; ++k) {
                const QJsonObject p = predictions[k].toObject();
                QVERIFY(std::abs(p["prob"].toDouble() - probs[-1][m][p["id"].toInt()].item<double>()) < 1e-5);
                if (k)
                    QVERIFY(p["prob"].toDouble() <= predictions[k - 1].toObject()["prob"].toDouble());
            }
            QCOMPARE(mask["layers"].toObject().keys(), (QStringList{"0", "1", "2"}));
        }
        r = cli({"fill-mask", "--model", kModel, "no mask here"});
        QCOMPARE(r.status, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object()["masks"].toArray().isEmpty());
        QVERIFY(!QJsonDocument::fromJson(cli({"fill-mask", "--model", kModel, "a [MASK]"}).out)["masks"][0].toObject().contains("layers"));
    }

    void fillMaskNeedsAnMlmHead()
    {
        QTemporaryDir dir;
        test::writeModelWithoutMlmHead(dir.path());
        const Run r = cli({"fill-mask", "--model", dir.path(), "a [MASK]"});
        QCOMPARE(r.status, 3);
        QVERIFY2(r.err.contains("has no masked-language-model head"), r.err.constData());
    }

    // --aggregate words: each word row is the mean of its pieces' rows in the token export, and
    // word attention rows still sum to 1.
    void aggregateWords()
    {
        QTemporaryDir dir;
        const QString input = writeInput(dir, "hello world, bert!\n");
        const QString tokens = dir.filePath("tokens.csv"), words = dir.filePath("words.csv"), attention = dir.filePath("att.csv");
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", tokens, "--layers", "2"}).status, 0);
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", words, "--layers", "2", "--aggregate", "words"}).status, 0);
        // Group the token rows by word: a '##' piece joins the word before it.
        std::vector<std::pair<QByteArray, std::vector<std::vector<double>>>> expected;
        for (const QByteArray &line : csvRows(tokens)) {
            const QList<QByteArray> c = line.split(',');
            std::vector<double> v;
            for (int i = 4; i < c.size(); ++i)
                v.push_back(c[i].toDouble());
            if (c[2].startsWith("##") && !expected.empty())
                expected.back().first += c[2].mid(2), expected.back().second.push_back(v);
            else
                expected.push_back({c[2], {v}});
        }
        const QList<QByteArray> got = csvRows(words);
        QCOMPARE(size_t(got.size()), expected.size());
        for (size_t w = 0; w < expected.size(); ++w) {
            const QList<QByteArray> c = got[qsizetype(w)].split(',');
            QCOMPARE(c[1].toInt(), int(w));
            QCOMPARE(c[2], expected[w].first);
            for (size_t d = 0; d + 4 < size_t(c.size()); ++d) {
                double mean = 0;
                for (const auto &v : expected[w].second)
                    mean += v[d] / double(expected[w].second.size());
                QVERIFY(std::abs(c[qsizetype(d + 4)].toDouble() - mean) < 1e-5);
            }
        }
        QCOMPARE(cli({"attention", "--model", kModel, "--input", input, "--output", attention, "--aggregate", "words"}).status, 0);
        std::map<QByteArray, double> sums;
        for (const QByteArray &line : csvRows(attention)) {
            const QList<QByteArray> c = line.split(',');
            sums[c[1] + "," + c[2] + "," + c[3]] += c[5].toDouble();
        }
        QCOMPARE(sums.size(), size_t(2 * 4 * expected.size()));
        for (const auto &[row, sum] : sums)
            QVERIFY2(std::abs(sum - 1) < 1e-5, row.constData());
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", words, "--aggregate", "words", "--pooling", "mean"}).status, 2);
    }

    // --center: every vector less the mean of the input's vectors of its layer, recorded beside the output.
    void centredExport_data()
    {
        QTest::addColumn<QString>("pooling");
        QTest::newRow("tokens") << "none";
        QTest::newRow("mean") << "mean";
        QTest::newRow("cls") << "cls";
    }
    void centredExport()
    {
        QFETCH(QString, pooling);
        QTemporaryDir dir;
        const QString input = writeInput(dir, "hello world\nthe quick brown fox\nhow are you?\n");
        const QString raw = dir.filePath("raw.csv"), centred = dir.filePath("centred.csv");
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", raw, "--pooling", pooling}).status, 0);
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", centred, "--pooling", pooling, "--center"}).status, 0);
        const int first = pooling == "none" ? 4 : 2, layerColumn = first - 1;
        std::map<int, std::vector<double>> sum;
        std::map<int, int> count;
        const QList<QByteArray> rawRows = csvRows(raw), centredRows = csvRows(centred);
        for (const QByteArray &line : rawRows) {
            const QList<QByteArray> c = line.split(',');
            auto &s = sum[c[layerColumn].toInt()];
            s.resize(size_t(c.size() - first), 0.0);
            for (int d = first; d < c.size(); ++d)
                s[size_t(d - first)] += c[d].toDouble();
            ++count[c[layerColumn].toInt()];
        }
        QCOMPARE(centredRows.size(), rawRows.size());
        for (qsizetype r = 0; r < rawRows.size(); ++r) {
            const QList<QByteArray> a = rawRows[r].split(','), b = centredRows[r].split(',');
            const int layer = a[layerColumn].toInt();
            for (int d = first; d < a.size(); ++d)
                QVERIFY(std::abs(b[d].toDouble() - (a[d].toDouble() - sum[layer][size_t(d - first)] / count[layer])) < 1e-5);
        }
        QFile sidecar(centred + ".centre.json");
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(sidecar.readAll()).object();
        QCOMPARE(o["count"].toInt(), count.begin()->second);
        QCOMPARE(o["mean"].toArray().size(), int(sum.size()));
        QVERIFY(std::abs(o["mean"][0][0].toDouble() - sum.begin()->second[0] / count.begin()->second) < 1e-5);
        QCOMPARE(cli({"embed", "--model", kModel, "--input", "-", "--output", centred, "--center"}).status, 2);
    }

    // The Embedding Projector's folder: a vector a line equal to the CSV export's rows, metadata
    // with its header, labels from the lines, every layer's clusters, and the config naming both.
    void projectorFolder()
    {
        QTemporaryDir dir;
        const QString input = writeInput(dir, "the cat sat\tanimal\nmoney in the bank\tfinance\na dog ran\tanimal\nthe bank lent money\tfinance\n");
        const QString folder = dir.filePath("projector"), csv = dir.filePath("v.csv");
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", folder, "--format", "projector", "--labelled", "--clusters",
                      "2", "--pooling", "mean", "--layers", "0,2"}).status, 0);
        // The same sentences without their labels, as CSV.
        const QString plain = dir.filePath("plain.txt");
        {
            QFile f(plain);
            f.open(QIODevice::WriteOnly);
            f.write("the cat sat\nmoney in the bank\na dog ran\nthe bank lent money\n");
        }
        QCOMPARE(cli({"embed", "--model", kModel, "--input", plain, "--output", csv, "--pooling", "mean", "--layers", "0,2"}).status, 0);
        const QList<QByteArray> vectors = readAll(folder + "/vectors.tsv").trimmed().split('\n');
        const QList<QByteArray> metadata = readAll(folder + "/metadata.tsv").trimmed().split('\n');
        const QList<QByteArray> rows = csvRows(csv);
        QCOMPARE(metadata.first(), QByteArray("text\tsentence\ttoken\tlayer\tlabel\tcluster"));
        QCOMPARE(vectors.size(), 8);
        QCOMPARE(metadata.size(), 9);
        for (int r = 0; r < 8; ++r) {
            const QList<QByteArray> v = vectors[r].split('\t'), c = rows[r].split(','), m = metadata[r + 1].split('\t');
            QCOMPARE(v.size(), c.size() - 2);
            for (int d = 0; d < v.size(); ++d)
                QCOMPARE(v[d], c[d + 2]); // the same shortest float text
            QCOMPARE(m.size(), 6);
            QCOMPARE(m[1], c[0]); // sentence
            QCOMPARE(m[2], QByteArray());
            QCOMPARE(m[3], c[1]); // layer
            QCOMPARE(m[4], QByteArray(r / 2 % 2 == 0 ? "animal" : "finance"));
            QVERIFY(m[5] == "0" || m[5] == "1");
        }
        QCOMPARE(metadata[1].split('\t')[0], QByteArray("the cat sat"));
        const QJsonObject config = QJsonDocument::fromJson(readAll(folder + "/projector_config.json")).object();
        const QJsonObject embedding = config["embeddings"].toArray()[0].toObject();
        QCOMPARE(embedding["tensorPath"].toString(), QString("vectors.tsv"));
        QCOMPARE(embedding["metadataPath"].toString(), QString("metadata.tsv"));
        QCOMPARE(embedding["tensorShape"].toArray()[0].toInt(), 8);
        QCOMPARE(embedding["tensorShape"].toArray()[1].toInt(), v0Dims(vectors));
        // Token rows: each token, named as the window names it.
        QCOMPARE(cli({"embed", "--model", kModel, "--input", plain, "--output", folder, "--format", "projector", "--layers", "2"}).status, 0);
        const QList<QByteArray> tokens = readAll(folder + "/metadata.tsv").trimmed().split('\n');
        QCOMPARE(tokens[1], QByteArray("[CLS]\t1\t0\t2\t\t"));
        QCOMPARE(tokens[2].split('\t')[0], QByteArray("the"));
        // Refused: a file where the folder goes, labels without the projector.
        QCOMPARE(cli({"embed", "--model", kModel, "--input", plain, "--output", csv, "--format", "projector"}).status, 2);
        QCOMPARE(cli({"embed", "--model", kModel, "--input", plain, "--output", csv, "--labelled"}).status, 2);
    }

    // A map from the CLI: the core's map of the same vectors (its CSV's coordinates, its JSON's
    // figures), token or sentence points, labels and clusters; bad methods refused.
    void mapWritesTheCoreMap()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 12; ++i)
            text += "the cat sat on the mat " + QByteArray::number(i) + "\tcats\nmoney in the bank " + QByteArray::number(i) + "\tmoney\n";
        const QString input = writeInput(dir, text), out = dir.filePath("map.csv");
        const Run r = cli({"map", "--model", kModel, "--input", input, "--output", out, "--method", "umap", "--seed", "7", "--layer", "2",
                           "--labelled", "--clusters", "2"});
        QCOMPARE(r.status, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["method"].toString(), QString("umap"));
        QCOMPARE(o["points"].toInt(), 24);
        QCOMPARE(o["seed"].toInt(), 7);
        // The same vectors through the core: the CSV's points are its map.
        const auto model = LoadedModel::load(kModel.toStdString());
        std::vector<SentenceInput> inputs;
        for (const QByteArray &line : text.trimmed().split('\n'))
            inputs.push_back({line.split('\t')[0].toStdString(), "", false});
        InputList list(inputs);
        const CollectedVectors points = collectVectors(*model, list, 2, Pooling::Mean, PipelineOptions(), 1000);
        MapOptions options;
        options.method = MapMethod::Umap;
        options.seed = 7;
        const MapResult expected = computeMap(points.rows, options);
        QVERIFY(std::abs(o["trustworthiness"].toDouble() - expected.quality->trustworthiness) < 1e-9);
        const QList<QByteArray> rows = csvRows(out);
        QCOMPARE(rows.size(), 24);
        for (int i = 0; i < 24; ++i) {
            const QList<QByteArray> c = rows[i].split(',');
            QCOMPARE(c[0].toInt(), i + 1);
            QCOMPARE(c[3], QByteArray(i % 2 ? "money" : "cats"));
            QCOMPARE(c[4].toFloat(), expected.layout.at(i, 0));
            QCOMPARE(c[5].toFloat(), expected.layout.at(i, 1));
            QVERIFY(c[6] == "1" || c[6] == "2");
        }
        // A point per token with --pooling none.
        QCOMPARE(cli({"map", "--model", kModel, "--input", input, "--output", out, "--method", "pca", "--pooling", "none", "--labelled"}).status, 0);
        QVERIFY(csvRows(out).size() > 24 * 5);
        QVERIFY(csvRows(out)[0].startsWith("1,0,[CLS],cats,"));
        QCOMPARE(cli({"map", "--model", kModel, "--input", input, "--output", out, "--method", "mds"}).status, 2);
    }

    // A probe of each layer as the table and CSV say; bad sets and options refused with status.
    void probeWritesItsFigures()
    {
        QTemporaryDir dir;
        QByteArray set;
        for (int i = 0; i < 6; ++i)
            set += "the cat sat " + QByteArray::number(i) + "\tcat\nthe dog ran " + QByteArray::number(i) + "\tdog\n";
        const QString input = writeInput(dir, set), out = dir.filePath("probe.csv");
        const Run r = cli({"probe", "--model", kModel, "--input", input, "--output", out, "--folds", "3"});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.contains("12 lines, 2 labels, 3 folds"), r.out.constData());
        const QList<QByteArray> rows = csvRows(out);
        QCOMPARE(rows.size(), 3); // the tiny model's 2 layers and its embeddings
        QCOMPARE(rows[0].split(',').size(), 7 + 2 * 3);
        QCOMPARE(cli({"probe", "--model", kModel, "--input", input, "--output", out, "--folds", "7"}).status, 4); // 6 lines a label
        QCOMPARE(cli({"probe", "--model", kModel, "--input", input, "--output", out, "--pooling", "none"}).status, 2);
        QCOMPARE(cli({"probe", "--model", kModel, "--input", input}).status, 2);
    }

    // Three shards, each its own process (as on a cluster), joined: byte for byte the unsharded
    // export, in CSV (token rows, shards after the first without a header) and in NPY (concat).
    void shardsJoinToTheWholeExport_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("extension");
        QTest::newRow("csv tokens") << QStringList{"--layers", "0,-1"} << "csv";
        QTest::newRow("npy mean") << QStringList{"--pooling", "mean"} << "npy";
        QTest::newRow("attention csv") << QStringList{} << "csv";
    }
    void shardsJoinToTheWholeExport()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, extension);
        const QString command = QTest::currentDataTag() == QString("attention csv") ? "attention" : "embed";
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 20; ++i)
            text += QByteArray("the quick brown fox ").repeated(1 + i * 7 % 5) + QByteArray::number(i) + "\n";
        const QString input = writeInput(dir, text);
        const QString whole = dir.filePath("whole." + extension);
        QCOMPARE(cli(QStringList{command, "--model", kModel, "--input", input, "--output", whole} + options).status, 0);
        QStringList shards;
        QByteArray joined;
        for (int k = 0; k < 3; ++k) {
            shards << dir.filePath(QString("shard%1.").arg(k) + extension);
            const Run r = cli(QStringList{command, "--model", kModel, "--input", input, "--output", shards.back(), "--shard",
                                          QString("%1/3").arg(k)} + options);
            QVERIFY2(r.status == 0, r.err.constData());
            joined += readAll(shards.back());
        }
        if (extension == "npy") {
            const QString concatenated = dir.filePath("joined.npy");
            const Run r = cli(QStringList{"concat", "--output", concatenated} + shards);
            QVERIFY2(r.status == 0, r.err.constData());
            joined = readAll(concatenated);
        }
        QVERIFY(joined == readAll(whole));
        QVERIFY(!joined.isEmpty());

        QCOMPARE(cli(QStringList{command, "--model", kModel, "--input", input, "--output", whole, "--shard", "3/3"}).status, 2);
        QCOMPARE(cli(QStringList{command, "--model", kModel, "--input", "-", "--output", whole, "--shard", "0/2"}).status, 2);
        const Run bad = cli({"concat", "--output", dir.filePath("x.npy"), shards.front(), input});
        QCOMPARE(bad.status, 4);
        QVERIFY2(bad.err.contains("not a .npy file"), bad.err.constData());
    }

    // A sentence-transformers folder: without --pooling, embed gives the vectors
    // sentence-transformers gives (its pooling, Normalize and max_seq_length), and says so;
    // against the float64 reference of make_sentence_transformers_fixture.py at 1e-4.
    void sentenceTransformersVectors()
    {
        QFile goldenFile(test::fixture("sentence_transformers_golden.json"));
        QVERIFY(goldenFile.open(QIODevice::ReadOnly));
        const QJsonArray golden = QJsonDocument::fromJson(goldenFile.readAll()).array();
        QTemporaryDir dir;
        QByteArray text;
        for (const QJsonValue &g : golden)
            text += g.toObject()["text"].toString().toUtf8() + "\n";
        const QString input = writeInput(dir, text), output = dir.filePath("st.csv");
        const Run r = cli({"embed", "--model", test::fixture("models/tiny-sentence-transformers"), "--input", input, "--output", output});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY2(r.err.contains("sentence-transformers") && r.err.contains("mean pooling, L2-normalised") && r.err.contains("max length 8"),
                 r.err.constData());
        const QList<QByteArray> rows = csvRows(output);
        QCOMPARE(rows.size(), golden.size());
        for (int s = 0; s < rows.size(); ++s) {
            const QList<QByteArray> fields = rows[s].split(',');
            QCOMPARE(fields[0].toInt(), s + 1); // sentences count from 1
            QCOMPARE(fields[1].toInt(), 2); // the last layer
            const QJsonArray expected = golden[s].toObject()["vector"].toArray();
            QCOMPARE(fields.size() - 2, expected.size());
            for (int d = 0; d < expected.size(); ++d)
                QVERIFY(std::abs(fields[d + 2].toDouble() - expected[d].toDouble()) < test::kTolerance);
        }
        // --pooling asks for other vectors: raw, as for any model.
        const Run raw = cli({"embed", "--model", test::fixture("models/tiny-sentence-transformers"), "--input", input, "--output", output,
                             "--pooling", "mean", "--layers", "-1"});
        QCOMPARE(raw.status, 0);
        QVERIFY(!raw.err.contains("sentence-transformers"));
        double norm = 0;
        for (const QByteArray &v : csvRows(output)[0].split(',').mid(2))
            norm += v.toDouble() * v.toDouble();
        QVERIFY(std::abs(norm - 1) > 1e-3);
    }

    // Modules BertLens cannot reproduce are refused by name.
    void sentenceTransformersDenseIsRefused()
    {
        QTemporaryDir dir;
        const QDir source(test::fixture("models/tiny-sentence-transformers"));
        for (const QString &f : source.entryList(QDir::Files))
            QFile::copy(source.filePath(f), dir.filePath(f));
        QDir(dir.path()).mkpath("1_Pooling");
        QFile::copy(source.filePath("1_Pooling/config.json"), dir.filePath("1_Pooling/config.json"));
        QFile modules(dir.filePath("modules.json"));
        QVERIFY(modules.open(QIODevice::WriteOnly | QIODevice::Truncate));
        modules.write(R"([{"path": "", "type": "sentence_transformers.models.Transformer"},
                          {"path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                          {"path": "2_Dense", "type": "sentence_transformers.models.Dense"}])");
        modules.close();
        const Run r = cli({"info", "--model", dir.path()});
        QCOMPARE(r.status, 3);
        QVERIFY2(r.err.contains("sentence_transformers.models.Dense") && r.err.contains("not supported"), r.err.constData());
    }

    // Every intermediate of `trace` against the float64 step-by-step reference
    // (make_trace_fixture.py) at 1e-4, and its last vector against `embed`'s hidden state at 1e-5.
    void traceMatchesReference()
    {
        QFile goldenFile(test::fixture("trace_golden.json"));
        QVERIFY(goldenFile.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(goldenFile.readAll()).array();
        QVERIFY(!cases.isEmpty());
        QTemporaryDir dir;
        for (const QJsonValue &c : cases) {
            const QJsonObject g = c.toObject();
            const QString layer = QString::number(g["layer"].toInt()), output = dir.filePath("trace.json");
            QStringList args{"trace", "--model", kModel, "--layer", layer, "--head", QString::number(g["head"].toInt() + 1), // the fixture counts heads from 0
                             "--output", output};
            if (!g["pair"].isNull())
                args << "--pair" << g["pair"].toString();
            const Run r = cli(args << g["text"].toString());
            QVERIFY2(r.status == 0, r.err.constData());
            QFile traceFile(output);
            QVERIFY(traceFile.open(QIODevice::ReadOnly));
            const QJsonObject trace = QJsonDocument::fromJson(traceFile.readAll()).object();
            QCOMPARE(trace["tokens"].toArray(), g["tokens"].toArray());
            const QJsonObject expected = g["tensors"].toObject(), actual = trace["tensors"].toObject();
            QCOMPARE(actual.keys(), expected.keys());
            for (const QString &name : expected.keys()) {
                const QJsonObject e = expected[name].toObject(), a = actual[name].toObject();
                QCOMPARE(a["shape"].toArray(), e["shape"].toArray());
                const QJsonArray ev = e["data"].toArray(), av = a["data"].toArray();
                QCOMPARE(av.size(), ev.size());
                for (int i = 0; i < ev.size(); ++i)
                    QVERIFY2(std::abs(av[i].toDouble() - ev[i].toDouble()) < test::kTolerance, qPrintable(name));
            }
            // The walk-through's last vector is the layer's hidden state of the ordinary forward.
            const QString input = writeInput(dir, (g["pair"].isNull() ? g["text"].toString() : g["text"].toString() + "\t" + g["pair"].toString()).toUtf8() + "\n");
            const QString csv = dir.filePath("hidden.csv");
            QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", csv, "--layers", layer, "--pairs"}).status, 0);
            const QList<QByteArray> rows = csvRows(csv);
            const QJsonArray last = actual["layer.output"].toObject()["data"].toArray();
            const int width = actual["layer.output"].toObject()["shape"].toArray()[1].toInt();
            QCOMPARE(rows.size() * width, last.size());
            for (int t = 0; t < rows.size(); ++t) {
                const QList<QByteArray> fields = rows[t].split(',');
                for (int d = 0; d < width; ++d)
                    QVERIFY(std::abs(fields[4 + d].toDouble() - last[t * width + d].toDouble()) < 1e-5);
            }
        }
        QCOMPARE(cli({"trace", "--model", kModel, "--layer", "3", "--output", dir.filePath("x.json"), "hi"}).status, 2);
    }

    // explain and heads: CSV as the float64 reference of make_explain_fixture.py, one JSON line.
    void explainAndHeadsMatchReference()
    {
        QFile goldenFile(test::fixture("explain_golden.json"));
        QVERIFY(goldenFile.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(goldenFile.readAll()).object()["cases"].toArray();
        QTemporaryDir dir;
        const QString out = dir.filePath("explain.csv");
        for (const QJsonValue &value : cases) {
            const QJsonObject g = value.toObject();
            QStringList target{"--target", g["target"].toString()};
            if (g.contains("other"))
                target << "--pair" << g["other"].toString() << "--pooling" << g["pooling"].toString();
            if (g.contains("layer"))
                target << "--layer" << QString::number(g["layer"].toInt());
            if (g.contains("token"))
                target << "--token" << g["token"].toString();
            QStringList heads, ffn;
            for (const QJsonValue &h : g["heads_out"].toArray())
                heads << QString("%1:%2").arg(h.toArray()[0].toInt()).arg(h.toArray()[1].toInt() + 1); // the CLI counts heads from 1
            for (const QJsonValue &l : g["ffn_out"].toArray())
                ffn << QString::number(l.toInt());
            if (!heads.isEmpty())
                target << "--knock-out-heads" << heads.join(',');
            if (!ffn.isEmpty())
                target << "--knock-out-ffn" << ffn.join(',');
            for (const auto &[method, key] : std::vector<std::pair<QString, QString>>{
                     {"occlusion", "occlusion"}, {"integrated-gradients", "integrated_gradients"}}) {
                const Run r = cli(QStringList{"explain", "--model", kModel, "--method", method, "--output", out} + target
                                  << g["text"].toString());
                QVERIFY2(r.status == 0, r.err.constData());
                const QJsonObject line = QJsonDocument::fromJson(r.out).object();
                QVERIFY(std::abs(line["target"].toDouble() - g["f"].toDouble()) < 1e-4);
                QCOMPARE(line.contains("baseline"), method == "integrated-gradients");
                if (!heads.isEmpty())
                    QVERIFY2(r.err.contains("bertlens-cli: knocked out: head"), r.err.constData());
                const QList<QByteArray> rows = csvRows(out);
                const QJsonArray expected = g[key].toArray();
                int row = 0;
                double sum = 0;
                for (int text = 0; text < expected.size(); ++text) {
                    const QJsonArray tokens = g["tokens"].toArray()[text].toArray();
                    for (int i = 0; i < tokens.size(); ++i, ++row) {
                        const QList<QByteArray> f = rows[row].split(',');
                        QCOMPARE(f[0], QByteArray(text ? "b" : "a"));
                        QCOMPARE(f[1].toInt(), i);
                        QCOMPARE(QString::fromUtf8(f[2]), tokens[i].toString());
                        QVERIFY(std::abs(f[3].toDouble() - expected[text].toArray()[i].toDouble()) < 1e-4);
                        sum += f[3].toDouble();
                    }
                }
                QCOMPARE(row, rows.size());
                QVERIFY(std::abs(line["sum"].toDouble() - sum) < 1e-4);
            }
            const Run h = cli(QStringList{"heads", "--model", kModel, "--output", out} + target << g["text"].toString());
            QVERIFY2(h.status == 0, h.err.constData());
            const QList<QByteArray> rows = csvRows(out);
            const QJsonArray heads2 = g["head_importance"].toArray(), ffn2 = g["ffn_importance"].toArray();
            QCOMPARE(rows.size(), heads2.size() * (heads2[0].toArray().size() + 1));
            for (const QByteArray &row : rows) {
                const QList<QByteArray> f = row.split(',');
                const int layer = f[0].toInt();
                const double expected = f[1] == "ffn" ? ffn2[layer - 1].toDouble() : heads2[layer - 1].toArray()[f[1].toInt() - 1].toDouble();
                QVERIFY2(std::abs(f[2].toDouble() - expected) < 1e-4, row.constData());
            }
        }
    }

    // A knock-out reaches every command that computes: a knocked-out head's context is 0 in the
    // trace, and fill-mask and embed give other numbers than the intact model.
    void knockOutReachesEveryCommand()
    {
        QTemporaryDir dir;
        const QString trace = dir.filePath("t.json");
        QCOMPARE(cli({"trace", "--model", kModel, "--layer", "1", "--head", "2", "--knock-out-heads", "1:2", "--output", trace,
                      "hello world"}).status, 0);
        const QJsonArray context = QJsonDocument::fromJson(readAll(trace)).object()["tensors"].toObject()["attention.context"]
                                       .toObject()["data"].toArray();
        QVERIFY(!context.isEmpty());
        for (const QJsonValue &v : context)
            QCOMPARE(v.toDouble(), 0.0);
        const QStringList fill{"fill-mask", "--model", kModel, "the [MASK] jumps"};
        QVERIFY(cli(fill).out != cli(QStringList(fill) << "--knock-out-ffn" << "1,2").out);
        const QString input = writeInput(dir, "hello world\n");
        const QString a = dir.filePath("a.csv"), b = dir.filePath("b.csv");
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", a}).status, 0);
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", b, "--knock-out-heads", "2:1"}).status, 0);
        const QList<QByteArray> intact = csvRows(a), knocked = csvRows(b);
        QCOMPARE(intact.size(), knocked.size());
        for (int i = 0; i < intact.size(); ++i) // layers 0 and 1 are below the knock-out
            QCOMPARE(intact[i] == knocked[i], intact[i].split(',')[3].toInt() < 2);
    }

    // `search` prints the core index's answers as JSON lines, best first, and keeps the index
    // beside the corpus for the next query.
    void searchPrintsTheIndexAnswers()
    {
        QTemporaryDir dir;
        const QString corpus = writeInput(dir, "the quick brown fox\n\nhello world\tgreeting\nthe lazy dog sleeps\nworld news\n");
        Run r = cli({"search", "--model", kModel, "--corpus", corpus, "--top-k", "3", "hello there world"});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(QFile::exists(corpus + ".bertlens-index"));
        const auto model = LoadedModel::load(kModel.toStdString());
        CorpusIndexOptions options;
        const CorpusIndex index = CorpusIndex::load((corpus + ".bertlens-index").toStdString(), *model, corpus.toStdString(), options);
        QVERIFY(!index.empty());
        const auto hits = index.nearestLines(*model, "hello there world", 3);
        QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(o["line"].toInteger(), hits[size_t(i)].line + 1); // lines count from 1
            QCOMPARE(o["text"].toString().toStdString(), index.lineAt(hits[size_t(i)].line).text);
            QCOMPARE(o["score"].toDouble(), hits[size_t(i)].score);
        }
        QCOMPARE(index.lineAt(2).text, std::string("hello world")); // the label after the TAB is not searched
        QCOMPARE(index.lineAt(2).label, std::string("greeting"));
        r = cli({"search", "--model", kModel, "--corpus", corpus, "--token", "1", "--top-k", "2", "the world"});
        QVERIFY2(r.status == 0 && !r.err.contains("indexing"), r.err.constData()); // the saved index was used
        lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const auto tokens = index.nearestTokens(*model, "the world", 1, 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(o["line"].toInteger(), tokens[size_t(i)].line + 1);
            QCOMPARE(o["token_index"].toInt(), tokens[size_t(i)].token);
            QCOMPARE(o["token"].toString().toStdString(), tokens[size_t(i)].text);
        }
        QCOMPARE(cli({"search", "--model", kModel, "--corpus", corpus, "--token", "40", "x"}).status, 2);
        QCOMPARE(cli({"search", "--model", kModel, "x"}).status, 2);
        QCOMPARE(cli({"search", "--model", kModel, "--corpus", corpus, "--layer", "7", "x"}).status, 2);
        QCOMPARE(cli({"search", "--model", kModel, "--corpus", dir.filePath("missing.txt"), "x"}).status, 4);
    }

    void attentionRollout()
    {
        QTemporaryDir dir;
        const QString input = writeInput(dir, "hello world\n");
        const QString output = dir.filePath("rollout.csv");
        QCOMPARE(cli({"attention", "--model", kModel, "--input", input, "--output", output, "--rollout"}).status, 0);
        QFile f(output);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("sentence,layer,from_index,to_index,weight,from_token,to_token"));
        const at::Tensor expected = test::goldenTensor("s0.rollout"); // "hello world" is golden sentence 0
        QCOMPARE(qsizetype(lines.size() - 1), qsizetype(expected.numel()));
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> c = line.split(',');
            const double w = expected[c[1].toInt() - 1][c[2].toInt()][c[3].toInt()].item<double>();
            QVERIFY2(std::abs(c[4].toDouble() - w) < test::kTolerance, line.constData());
        }
    }

    void info()
    {
        const Run r = cli({"info", "--model", kModel});
        QCOMPARE(r.status, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["model_type"].toString(), QString("bert"));
        QCOMPARE(o["hidden_size"].toInt(), 32);
        QCOMPARE(o["num_layers"].toInt(), 2);
        QCOMPARE(o["num_heads"].toInt(), 4);
        QCOMPARE(o["intermediate_size"].toInt(), 48);
        QCOMPARE(o["max_position_embeddings"].toInt(), 64);
        QCOMPARE(o["vocab_size"].toInt(), 120);
        QVERIFY(o["weights_file"].toString().endsWith("model.safetensors"));
        QCOMPARE(o["weights_dtype"].toString(), QString("F32"));
        QCOMPARE(QJsonDocument::fromJson(cli({"info", "--model", test::fixture("models/tiny-f16")}).out)["weights_dtype"].toString(),
                 QString("F16"));
    }

    void tokenizeOneTextAndPairs()
    {
        Run r = cli({"tokenize", "--model", kModel, "Hello, fox!"});
        QCOMPARE(r.status, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["tokens"].toArray(), (QJsonArray{"[CLS]", "hello", ",", "fox", "!", "[SEP]"}));
        QCOMPARE(o["offsets"].toArray()[3].toArray(), (QJsonArray{7, 10}));
        r = cli({"tokenize", "--model", kModel, "--pair", "world", "hello"});
        o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["type_ids"].toArray(), (QJsonArray{0, 0, 0, 1, 1}));
    }

    // A folder of tokenizer files and config.json, no weights: RoBERTa's real tokenizer.json gives
    // Hugging Face's ids and word ids (bpe_golden.json); the tiny one when ../shared is absent.
    void tokenizeNeedsOnlyTheTokenizerFiles()
    {
        QTemporaryDir dir;
        const QString real = QDir(BERTLENS_SHARED_DIR).filePath("vocab/roberta-base/tokenizer.json");
        const bool shared = QFile::exists(real);
        QVERIFY(QFile::copy(shared ? real : test::fixture("models/tiny-roberta/tokenizer.json"), dir.filePath("tokenizer.json")));
        QJsonObject config = QJsonDocument::fromJson(readAll(test::fixture("models/tiny-roberta/config.json"))).object();
        config["vocab_size"] = 50265;
        config["max_position_embeddings"] = 514;
        QFile c(dir.filePath("config.json"));
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(QJsonDocument(config).toJson());
        c.close();
        const QJsonObject golden = test::readJsonArray(test::fixture("bpe_golden.json"))[0].toObject();
        const QString text = shared ? golden["text"].toString() : "the cat sat on the <mask>.";
        const Run r = cli({"tokenize", "--model", dir.path(), text});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["tokens"].toArray().first().toString(), QString("<s>"));
        QCOMPARE(o["word_ids"].toArray().first(), QJsonValue(QJsonValue::Null));
        QCOMPARE(o["word_ids"].toArray()[1].toInt(), 0);
        if (shared) {
            QCOMPARE(o["ids"].toArray(), golden["ids"].toArray());
            QJsonArray words;
            for (const QJsonValue &w : golden["word_ids"].toArray())
                words.append(w.toInt() < 0 ? QJsonValue(QJsonValue::Null) : w);
            QCOMPARE(o["word_ids"].toArray(), words);
        }
        // The weights are still needed to embed, and the message says so.
        const Run embed = cli({"embed", "--model", dir.path(), "--input", "-", "--output", dir.filePath("o.csv")}, "x\n");
        QCOMPARE(embed.status, 3);
        QVERIFY2(embed.err.contains("no weights"), embed.err.constData());
    }

    // A line past the model's 64 tokens: pooled vectors see all of it by default (windows, said on
    // stderr), token rows are cut, and --long-inputs refuse stops with the count.
    void longLinesRunAsWindowsWhenPooled()
    {
        QTemporaryDir dir;
        QByteArray longLine;
        for (int i = 0; i < 12; ++i)
            longLine += "the quick brown fox jumps over the lazy dog ";
        const QString input = writeInput(dir, longLine.trimmed() + "\nshort line\n");
        const QString pooled = dir.filePath("pooled.csv"), cut = dir.filePath("cut.csv");
        Run r = cli({"embed", "--model", kModel, "--input", input, "--output", pooled, "--pooling", "mean", "--layers", "-1"});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY2(r.err.contains("line 1: 122 tokens run as 3 overlapping windows of 64 (stride 31), stitched"), r.err.constData());
        r = cli({"embed", "--model", kModel, "--input", input, "--output", cut, "--pooling", "mean", "--layers", "-1",
                 "--long-inputs", "truncate"});
        QVERIFY2(r.err.contains("line 1: 122 tokens truncated to 64"), r.err.constData());
        const QList<QByteArray> windows = csvRows(pooled), truncated = csvRows(cut);
        QCOMPARE(windows.size(), 2);
        QVERIFY(windows[0] != truncated[0]); // the whole line's mean, not its first 64 tokens'
        QCOMPARE(windows[1], truncated[1]);  // a short line is the same either way
        r = cli({"embed", "--model", kModel, "--input", input, "--output", cut, "--long-inputs", "refuse"});
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("line 1: 122 tokens, more than the 64"), r.err.constData());
        r = cli({"embed", "--model", kModel, "--input", input, "--output", cut, "--pooling", "mean", "--stride", "62"});
        QCOMPARE(r.status, 2);
        // attention maps do not cross windows: attention cuts or refuses.
        r = cli({"attention", "--model", kModel, "--input", input, "--output", cut, "--long-inputs", "refuse"});
        QCOMPARE(r.status, 4);
        r = cli({"attention", "--model", kModel, "--input", input, "--output", cut, "--long-inputs", "windows"});
        QCOMPARE(r.status, 2);
    }

    // Lines split on \n only: \r\n loses its \r, U+2028 stays inside a line.
    void tokenizeStreamsLines()
    {
        const Run r = cli({"tokenize", "--model", kModel, "--input", "-"}, "hello\r\nthe\xe2\x80\xa8" "fox\n\nlast");
        QCOMPARE(r.status, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(QJsonDocument::fromJson(lines[0])["text"].toString(), QString("hello"));
        QCOMPARE(QJsonDocument::fromJson(lines[1])["tokens"].toArray(), (QJsonArray{"[CLS]", "the", "fox", "[SEP]"}));
        QCOMPARE(QJsonDocument::fromJson(lines[2])["tokens"].toArray(), (QJsonArray{"[CLS]", "[SEP]"}));
        QCOMPARE(QJsonDocument::fromJson(lines[3])["text"].toString(), QString("last"));
    }

    // The CLI's vectors are the reference model's, to atol 1e-4.
    void embedMatchesReference()
    {
        QTemporaryDir dir;
        const QString input = writeInput(dir, "hello world\nThe quick brown fox jumps over the lazy dog!\n");
        const QString output = dir.filePath("out.csv");
        const Run r = cli({"embed", "--model", kModel, "--input", input, "--output", output, "--pooling", "mean",
                           "--layers", "0,-1", "--batch-size", "1"});
        QCOMPARE(r.status, 0);
        QFile f(output);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2 * 2);
        for (int s = 0; s < 2; ++s) {
            const at::Tensor expected = test::goldenTensor("s" + std::to_string(s) + ".pool.mean");
            for (int l = 0; l < 2; ++l) {
                const QList<QByteArray> row = lines[1 + s * 2 + l].split(',');
                QCOMPARE(row[0].toInt(), s + 1);
                QCOMPARE(row[1].toInt(), l == 0 ? 0 : 2);
                for (int d = 0; d < 32; ++d)
                    QVERIFY(std::abs(row[2 + d].toDouble() - expected[l == 0 ? 0 : 2][d].item<double>()) < test::kTolerance);
            }
        }
    }

    void truncationIsReported()
    {
        QTemporaryDir dir;
        const QString input = writeInput(dir, "short\nthe quick brown fox jumps over the lazy dog\n");
        const Run r = cli({"embed", "--model", kModel, "--input", input, "--output", dir.filePath("o.csv"), "--max-length", "8"});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.err.contains("line 2: 12 tokens truncated to 8"), r.err.constData());
        QVERIFY(!r.err.contains("line 1:"));
    }

    void attentionCsv()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath("att.csv");
        const Run r = cli({"attention", "--model", kModel, "--input", "-", "--output", output, "--layers", "1"}, "hello world\n");
        QCOMPARE(r.status, 0);
        QFile f(output);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 4 * 4 * 4);
        const at::Tensor expected = test::goldenTensor("s0.f32.attentions");
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> row = lines[i].split(',');
            QCOMPARE(row[1].toInt(), 1);
            QVERIFY(std::abs(row[5].toDouble() - expected[0][row[2].toInt() - 1][row[3].toInt()][row[4].toInt()].item<double>())
                    < test::kTolerance);
        }
    }

    // No --model: BertLens Mini, which ships with the program (here: from the source tree).
    void withoutModelTheBundledMiniAnswers()
    {
        const Run r = cli({"info"});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.contains("\"hidden_size\": 256") && r.out.contains("bertlens-mini"), r.out.constData());
    }

    void errorsHaveStatusAndMessage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << 2 << "usage";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command 'frobnicate'";
        QTest::newRow("unknown option") << QStringList{"info", "--model", kModel, "--bogus"} << 2 << "bogus";
        QTest::newRow("bad pooling") << QStringList{"embed", "--model", kModel, "--input", "-", "--output", "/tmp/x.csv", "--pooling", "avg"}
                                     << 2 << "pooling 'avg'";
        QTest::newRow("bad layer") << QStringList{"embed", "--model", kModel, "--input", "-", "--output", "/tmp/x.csv", "--layers", "7"}
                                   << 2 << "layer 7 is out of range";
        QTest::newRow("npy without pooling") << QStringList{"embed", "--model", kModel, "--input", "-", "--output", "/tmp/x.npy"}
                                             << 2 << ".npy output needs --pooling";
        QTest::newRow("bad batch size") << QStringList{"embed", "--model", kModel, "--input", "-", "--output", "/tmp/x.csv", "--batch-size", "0"}
                                        << 2 << "--batch-size must be a positive integer";
        QTest::newRow("max length too long") << QStringList{"tokenize", "--model", kModel, "--max-length", "999", "x"}
                                             << 2 << "exceeds the model's max_position_embeddings 64";
        QTest::newRow("output folder missing") << QStringList{"embed", "--model", kModel, "--input", "-", "--output", "/nonexistent/dir/x.csv"}
                                               << 2 << "does not exist";
        QTest::newRow("model folder missing") << QStringList{"info", "--model", "/nonexistent"} << 3 << "/nonexistent: not a folder";
        QTest::newRow("knock-out head missing") << QStringList{"embed", "--model", kModel, "--input", "-", "--output", "/tmp/x.csv", "--knock-out-heads", "3:1"}
                                                << 2 << "head 3:1 does not exist (layers 1..2, heads 1..4)";
        QTest::newRow("knock-out not L:H") << QStringList{"fill-mask", "--model", kModel, "--knock-out-heads", "2", "[MASK]"}
                                           << 2 << "knock-out head '2' is not LAYER:HEAD";
        QTest::newRow("explain without a mask") << QStringList{"explain", "--model", kModel, "--method", "occlusion", "--output", "/tmp/x.csv", "hello"}
                                                << 2 << "has 0 [MASK] tokens";
        QTest::newRow("explain bad method") << QStringList{"explain", "--model", kModel, "--method", "saliency", "--output", "/tmp/x.csv", "[MASK]"}
                                            << 2 << "method 'saliency'";
        QTest::newRow("similarity without pair") << QStringList{"heads", "--model", kModel, "--target", "similarity", "--output", "/tmp/x.csv", "a"}
                                                 << 2 << "--target similarity compares TEXT with --pair TEXT_B";
        QTest::newRow("token not in vocabulary") << QStringList{"explain", "--model", kModel, "--method", "gradient", "--token", "zebra", "--output", "/tmp/x.csv", "[MASK]"}
                                                 << 2 << "--token 'zebra' is not one token";
        QTest::newRow("input missing") << QStringList{"tokenize", "--model", kModel, "--input", "/nonexistent.txt"}
                                       << 4 << "/nonexistent.txt: cannot open";
    }
    void errorsHaveStatusAndMessage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.status, status);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void invalidUtf8NamesTheLine()
    {
        const Run r = cli({"tokenize", "--model", kModel, "--input", "-"}, "fine\nbad \xff\n");
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("line 2: text is not valid UTF-8"), r.err.constData());
    }

    void modelErrorIsStatus3()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("config.json"));
        f.open(QIODevice::WriteOnly);
        f.write(R"({"model_type": "gpt2"})");
        f.close();
        QFile::copy(test::fixture("tiny_vocab.txt"), dir.filePath("vocab.txt"));
        QFile::copy(test::fixture("models/tiny-safetensors/model.safetensors"), dir.filePath("model.safetensors"));
        const Run r = cli({"info", "--model", dir.path()});
        QCOMPARE(r.status, 3);
        QVERIFY2(r.err.contains("model_type 'gpt2' is not supported"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
