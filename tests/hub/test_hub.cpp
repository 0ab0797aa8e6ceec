// The Hub client and cache against a local server that answers as the Hub does (fake_hub.h):
// the cache layout huggingface_hub writes, byte for byte; no request for a cached model; resume
// after a dropped connection; a wrong sha256, a gated model, a missing one; offline mode; the CLI.
#include "fake_hub.h"
#include "fixtures.h"

#include "common/error.h"
#include "hub/hub_cache.h"
#include "hub/hub_download.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <thread>

#include <unistd.h>

using namespace bertlens;
using test::FakeHub;

namespace {

const QString kModelDir = test::fixture("models/tiny-safetensors");

// Runs the download on another thread while this one serves the fake Hub.
std::string downloadServed(const std::string &repo, const HubOptions &options, std::string *error = nullptr)
{
    std::string dir;
    QEventLoop loop;
    std::thread worker([&] {
        try {
            dir = downloadModel(repo, "main", options);
        } catch (const Error &e) {
            if (error)
                *error = e.what();
        }
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec();
    worker.join();
    return dir;
}

} // namespace

class TestHub : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_cache;
    std::unique_ptr<FakeHub> m_hub;

    HubOptions options() const
    {
        HubOptions o;
        o.endpoint = m_hub->endpoint().toStdString();
        o.cacheDir = m_cache->path().toStdString();
        return o;
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<QTemporaryDir>();
        m_hub = std::make_unique<FakeHub>(kModelDir);
    }

    // blobs/<etag> hold the bytes (the large file under its sha256, the others under their git
    // ETag), snapshots/<commit>/<file> are relative links to them, refs/main names the commit;
    // the snapshot loads and computes what the original folder computes.
    void downloadWritesTheHubCacheLayout()
    {
        const std::string dir = downloadServed("org/tiny", options());
        const QDir repo(m_cache->path() + "/models--org--tiny");
        QCOMPARE(QString::fromStdString(dir), repo.filePath(QString("snapshots/") + FakeHub::kCommit));
        QFile ref(repo.filePath("refs/main"));
        QVERIFY(ref.open(QIODevice::ReadOnly));
        QCOMPARE(ref.readAll(), QByteArray(FakeHub::kCommit));
        for (auto it = m_hub->files.begin(); it != m_hub->files.end(); ++it) {
            const QString etag = it.key() == FakeHub::kLargeFile ? FakeHub::sha256(it.value()) : FakeHub::gitEtag(it.value());
            QFile blob(repo.filePath("blobs/" + etag));
            QVERIFY2(blob.open(QIODevice::ReadOnly), qPrintable(it.key()));
            QCOMPARE(blob.readAll(), it.value());
            const QFileInfo link(QString::fromStdString(dir) + "/" + it.key());
            QVERIFY(link.isSymLink());
            QCOMPARE(QFile::symLinkTarget(link.filePath()), QFileInfo(blob).canonicalFilePath());
            char target[512] = {};
            QVERIFY(::readlink(link.filePath().toLocal8Bit().constData(), target, sizeof target - 1) > 0);
            QCOMPARE(QString(target), "../../blobs/" + etag); // relative, as huggingface_hub links

        }
        QVERIFY(!QFileInfo::exists(QString::fromStdString(dir) + "/README.md"));
        QCOMPARE(repo.entryList({"*.incomplete"}, QDir::Files).size(), 0);

        const auto fromHub = LoadedModel::load(dir), original = LoadedModel::load(kModelDir.toStdString());
        const Encoding e = original->tokenizer->encode("the quick brown fox");
        QVERIFY(fromHub->encoder->forward(makeBatch({&e}, 0)).hidden.equal(original->encoder->forward(makeBatch({&e}, 0)).hidden));
        QCOMPARE(cachedModels(m_cache->path().toStdString()).size(), size_t(1));
    }

    void aCachedModelMakesNoRequest()
    {
        downloadServed("org/tiny", options());
        const int before = m_hub->requests;
        const std::string dir = resolveModelDir("org/tiny", options());
        QCOMPARE(m_hub->requests, before);
        QCOMPARE(QString::fromStdString(dir), m_cache->path() + "/models--org--tiny/snapshots/" + FakeHub::kCommit);
        // A folder that exists wins over an id of the same name.
        QCOMPARE(resolveModelDir(kModelDir.toStdString(), options()), kModelDir.toStdString());
    }

    void aDroppedConnectionResumes()
    {
        const std::string dir = downloadServed("org/flaky", options());
        QVERIFY(!dir.empty());
        // The second request asked for the rest only.
        QVERIFY(std::any_of(m_hub->log.begin(), m_hub->log.end(), [](const QByteArray &l) { return l.contains("GET /cdn/") && l.contains("bytes="); }));
        QFile weights(QString::fromStdString(dir) + "/model.safetensors");
        QVERIFY(weights.open(QIODevice::ReadOnly));
        QCOMPARE(weights.readAll(), m_hub->files.value(FakeHub::kLargeFile));
    }

    void aWrongSha256IsRefusedAndDeleted()
    {
        std::string error;
        QVERIFY(downloadServed("org/badsha", options(), &error).empty());
        QVERIFY2(QString::fromStdString(error).contains("sha256"), error.c_str());
        const QDir blobs(m_cache->path() + "/models--org--badsha/blobs");
        QCOMPARE(blobs.entryList({"*.incomplete", QString(64, 'a')}, QDir::Files).size(), 0);
        QVERIFY(cachedSnapshot(m_cache->path().toStdString(), "org/badsha", "main").empty());
    }

    void gatedAndMissingModelsSayWhy()
    {
        std::string error;
        QVERIFY(downloadServed("org/gated", options(), &error).empty());
        QVERIFY2(QString::fromStdString(error).contains("HTTP 401") && QString::fromStdString(error).contains("HF_TOKEN"), error.c_str());
        QVERIFY2(QString::fromStdString(error).contains(m_hub->endpoint() + "/api/models/org/gated"), error.c_str());
        HubOptions withToken = options();
        withToken.token = "secret";
        QVERIFY(!downloadServed("org/gated", withToken).empty());

        QVERIFY(downloadServed("nobody/nothing", options(), &error).empty());
        QVERIFY2(QString::fromStdString(error).contains("HTTP 404"), error.c_str());
        HubOptions unreachable = options();
        unreachable.endpoint = "http://127.0.0.1:1";
        QVERIFY(downloadServed("org/tiny", unreachable, &error).empty());
        QVERIFY2(QString::fromStdString(error).contains("http://127.0.0.1:1/api/models/org/tiny"), error.c_str());
    }

    void offlineUsesOnlyTheCache()
    {
        HubOptions offline = options();
        offline.offline = true;
        try {
            resolveModelDir("org/tiny", offline);
            QFAIL("downloaded while offline");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("HF_HUB_OFFLINE"), e.what());
        }
        QCOMPARE(m_hub->requests, 0);
        downloadServed("org/tiny", options());
        QVERIFY(!resolveModelDir("org/tiny", offline).empty());
    }

    void onlyTheFilesAModelNeeds()
    {
        QCOMPARE(filesToFetch({"README.md", "config.json", "vocab.txt", "model.safetensors", "pytorch_model.bin", "tf_model.h5",
                               "onnx/model.onnx", "1_Pooling/config.json", "modules.json", "sentence_bert_config.json"}),
                 (std::vector<std::string>{"config.json", "vocab.txt", "1_Pooling/config.json", "modules.json",
                                           "sentence_bert_config.json", "model.safetensors"}));
        QCOMPARE(filesToFetch({"config.json", "tokenizer.json", "pytorch_model.bin.index.json", "pytorch_model-00001-of-00002.bin",
                               "pytorch_model-00002-of-00002.bin"}),
                 (std::vector<std::string>{"config.json", "tokenizer.json", "pytorch_model.bin.index.json",
                                           "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"}));
        QVERIFY(isHubModelId("bert-base-chinese") && isHubModelId("sentence-transformers/all-MiniLM-L6-v2"));
        QVERIFY(!isHubModelId("/abs/path") && !isHubModelId("../up") && !isHubModelId("a/b/c") && !isHubModelId(""));
    }

    // `bertlens-cli download` and `--model ORG/NAME` with the environment users set.
    void theCliDownloadsAndUsesIds()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HF_ENDPOINT", m_hub->endpoint());
        env.insert("HF_HUB_CACHE", m_cache->path());
        p.setProcessEnvironment(env);
        QEventLoop loop;
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        p.start(BERTLENS_CLI, {"download", "org/tiny"});
        loop.exec();
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString(p.readAllStandardOutput()).trimmed(), m_cache->path() + "/models--org--tiny/snapshots/" + FakeHub::kCommit);
        const int before = m_hub->requests;
        env.insert("HF_HUB_OFFLINE", "1");
        p.setProcessEnvironment(env);
        p.start(BERTLENS_CLI, {"info", "--model", "org/tiny"});
        loop.exec();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(p.readAllStandardOutput().contains("\"hidden_size\": 32"));
        QCOMPARE(m_hub->requests, before);
        p.start(BERTLENS_CLI, {"info", "--model", "org/other"});
        loop.exec();
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAllStandardError().contains("HF_HUB_OFFLINE=1"));
    }
};

QTEST_GUILESS_MAIN(TestHub)
#include "test_hub.moc"
