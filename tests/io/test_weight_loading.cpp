#include "fixtures.h"

#include "common/error.h"
#include "io/model_folder.h"
#include "io/safetensors.h"
#include "io/torch_bin.h"
#include "model/loaded_model.h"
#include "model/checkpoint.h"

#include <QTemporaryDir>

using namespace bertlens;

namespace {

Checkpoint readFolder(const QString &name)
{
    return readCheckpoint(ModelFolder::locate(test::fixturePath("models/" + name)));
}

// Copies a fixture folder so a test can break one file of it.
QString copyFolder(const QString &name, QTemporaryDir &dir)
{
    const QDir source(test::fixture("models/" + name));
    for (const QString &file : source.entryList(QDir::Files))
        QFile::copy(source.filePath(file), dir.filePath(file));
    return dir.path();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QString modelErrorOf(const QString &dir)
{
    try {
        LoadedModel::load(dir.toStdString());
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::Model)
            return "wrong error kind: " + QString(e.what());
        return e.what();
    }
    return "no error";
}

} // namespace

class TestWeightLoading : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every format and key layout yields the same tensors under the same canonical names.
    void everyFormatGivesTheSameTensors_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("zip .bin, bert. prefix") << "tiny-bin" << "F32" << 0.0;
        QTest::newRow("legacy .bin, gamma/beta") << "tiny-legacy-bin" << "F32" << 0.0;
        QTest::newRow("sharded safetensors") << "tiny-sharded" << "F32" << 0.0;
        QTest::newRow("F16 safetensors") << "tiny-f16" << "F16" << 2e-3;
        QTest::newRow("BF16 safetensors") << "tiny-bf16" << "BF16" << 2e-2;
    }
    void everyFormatGivesTheSameTensors()
    {
        QFETCH(QString, folder);
        QFETCH(QString, dtype);
        QFETCH(double, tolerance);
        const Checkpoint reference = readFolder("tiny-safetensors");
        const Checkpoint store = readFolder(folder);
        QCOMPARE(QString::fromStdString(store.storedDtype()), dtype);
        for (const auto &[name, tensor] : reference.tensors()) {
            if (folder == "tiny-legacy-bin" && name.rfind("cls.", 0) == 0)
                continue; // that checkpoint has no MLM head
            QVERIFY2(store.contains(name), name.c_str());
            const at::Tensor other = store.tensors().at(name);
            QCOMPARE(other.scalar_type(), at::kFloat);
            QVERIFY2(test::maxAbsDiff(other, tensor) <= tolerance * std::max(1.0, tensor.abs().max().item<double>()),
                     name.c_str());
        }
    }

    void extraTensorsAreKept()
    {
        const Checkpoint store = readFolder("tiny-bin");
        QVERIFY(store.contains("cls.predictions.bias"));
        QVERIFY(store.contains("pooler.dense.weight"));
        QCOMPARE(store.tensors().at("embeddings.position_ids").scalar_type(), at::kLong);
    }

    void folderSettingsAreRead()
    {
        const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
        QCOMPARE(model->config.numLayers, 2);
        QCOMPARE(model->config.hiddenSize, 32);
        QCOMPARE(model->maxLength, 64);
        QVERIFY(model->folder.tokenizerOptions.normalizer.lowercase);
    }

    void errorsNameTheFileAndTheProblem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("expected");
        QTest::newRow("model type") << "config.json" << QByteArray(R"({"model_type": "gpt2"})") << "model_type 'gpt2'";
        QTest::newRow("activation") << "config.json"
                                    << QByteArray(R"({"model_type": "bert", "hidden_size": 32, "num_attention_heads": 4, "hidden_act": "swish"})")
                                    << "hidden_act 'swish'";
        QTest::newRow("heads") << "config.json" << QByteArray(R"({"hidden_size": 30, "num_attention_heads": 4})")
                               << "not a multiple of num_attention_heads";
        QTest::newRow("bad json") << "config.json" << QByteArray("{not json") << "config.json: not a JSON object";
        QTest::newRow("bad number") << "config.json" << QByteArray(R"({"hidden_size": "big"})") << "hidden_size must be";
        QTest::newRow("shape") << "config.json"
                               << QByteArray(R"({"model_type": "bert", "vocab_size": 130, "hidden_size": 32, "num_hidden_layers": 2,
                                              "num_attention_heads": 4, "intermediate_size": 48, "max_position_embeddings": 64})")
                               << "embeddings.word_embeddings.weight has shape [";
        QTest::newRow("missing layer") << "config.json"
                                       << QByteArray(R"({"model_type": "bert", "vocab_size": 120, "hidden_size": 32, "num_hidden_layers": 3,
                                                      "num_attention_heads": 4, "intermediate_size": 48, "max_position_embeddings": 64})")
                                       << "tensor encoder.layer.2.attention.self.query.weight is missing";
        QTest::newRow("truncated safetensors") << "model.safetensors" << QByteArray("\x10\x00\x00", 3) << "too short";
        QTest::newRow("header past end") << "model.safetensors" << QByteArray("\xff\x00\x00\x00\x00\x00\x00\x00{}", 10)
                                         << "runs past the end";
    }
    void errorsNameTheFileAndTheProblem()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, contents);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        copyFolder("tiny-safetensors", dir);
        writeFile(dir.filePath(file), contents);
        const QString message = modelErrorOf(dir.path());
        QVERIFY2(message.contains(expected), qPrintable(message));
        if (file == "model.safetensors" || expected.contains("tensor"))
            QVERIFY2(message.contains("model.safetensors"), qPrintable(message));
    }

    void dataOffsetsOutsideTheFileAreRejected()
    {
        QTemporaryDir dir;
        copyFolder("tiny-safetensors", dir);
        const QByteArray header = R"({"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})";
        QByteArray bytes(8, '\0');
        bytes[0] = char(header.size());
        writeFile(dir.filePath("model.safetensors"), bytes + header + QByteArray(8, '\0'));
        const QString message = modelErrorOf(dir.path());
        QVERIFY2(message.contains("outside the data section"), qPrintable(message));
    }

    void missingFilesAreNamed()
    {
        QTemporaryDir dir;
        copyFolder("tiny-safetensors", dir);
        QFile::remove(dir.filePath("model.safetensors"));
        QVERIFY(modelErrorOf(dir.path()).contains("no weights in the model folder"));
        QFile::remove(dir.filePath("vocab.txt"));
        QVERIFY(modelErrorOf(dir.path()).contains("no vocab.txt"));
        QVERIFY(modelErrorOf(dir.filePath("nowhere")).contains("not a folder"));
    }

    // tokenizer.json's stages are checked by name, and its ids stay bounded.
    void tokenizerJsonStagesAreCheckedByName()
    {
        QTemporaryDir dir;
        copyFolder("tiny-tokenizer-json", dir);
        auto writeTokenizer = [&](const QByteArray &json) {
            QFile f(dir.filePath("tokenizer.json"));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(json);
        };
        writeTokenizer(R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}})");
        QString message = modelErrorOf(dir.path());
        QVERIFY2(message.contains("pre-tokenizer (none)") && message.contains("ByteLevel"), qPrintable(message));
        writeTokenizer(R"({"model": {"type": "WordLevel", "vocab": {"a": 0}}})");
        message = modelErrorOf(dir.path());
        QVERIFY2(message.contains("'WordLevel'") && message.contains("tokenizer.json"), qPrintable(message));
        writeTokenizer(R"({"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}, "pre_tokenizer": {"type": "Whitespace"}})");
        message = modelErrorOf(dir.path());
        QVERIFY2(message.contains("'Whitespace'") && message.contains("BertPreTokenizer"), qPrintable(message));
        writeTokenizer(R"({"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "a": 1000000000}}})");
        message = modelErrorOf(dir.path());
        QVERIFY2(message.contains("'a'") && message.contains("whole number"), qPrintable(message));
        writeTokenizer(R"({"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "a": 0}}})");
        QVERIFY(modelErrorOf(dir.path()).contains("two tokens"));
    }

    // A pickle that names anything but tensors, storages and dicts is refused before anything
    // in it runs.
    void foreignPickleGlobalsAreRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("pytorch_model.bin");
        // Protocol 2: GLOBAL 'os system', the argument tuple, REDUCE, STOP.
        writeFile(path, QByteArray("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.", 15)
                            + QByteArray("\x80\x02" "cos\nsystem\nX\x04\x00\x00\x00" "echo\x85R.", 25));
        try {
            readTorchBin(path.toStdString());
            QFAIL("no error");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("refusing pickle global 'os.system'"), e.what());
        }
        // The zip format: a torch.save of a dict holding a function (made by the fixture script).
        try {
            readTorchBin(test::fixturePath("evil.bin"));
            QFAIL("no error");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("refusing pickle global"), e.what());
        }
    }

    void notATorchFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("pytorch_model.bin");
        writeFile(path, "this is text");
        QVERIFY_THROWS_EXCEPTION(Error, readTorchBin(path.toStdString()));
    }

    void safetensorsRoundTrip()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.safetensors").toStdString();
        const at::Tensor a = at::randn({3, 5});
        const at::Tensor ids = at::arange(7);
        writeSafetensors(path, {{"a", a}, {"ids", ids}}, StoredFloat::F16);
        const Checkpoint store(readSafetensors(path), path);
        QCOMPARE(QString::fromStdString(store.storedDtype()), QString("F16"));
        QVERIFY(test::maxAbsDiff(store.tensors().at("a"), a.to(at::kHalf)) == 0);
        QVERIFY(store.tensors().at("ids").equal(ids));
    }
};

QTEST_GUILESS_MAIN(TestWeightLoading)
#include "test_weight_loading.moc"
