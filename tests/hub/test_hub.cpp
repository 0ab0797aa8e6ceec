// The Hub client and cache against a local HTTP/1.1 server that answers as the Hub and its CDN do
// (fake_hub.h), over real sockets: the cache layout huggingface_hub writes, byte for byte; kept-alive
// connections with no stall; chunked and gzipped answers; redirects (renamed repositories, the CDN
// on another host, loops); 429 and 5xx retried as Retry-After asks; resume after a dropped or
// stalled connection and after a server that ignores Range; ETags that cannot name a file; a
// mirror under a path prefix; proxies; two processes at once and a killed download; offline
// mode; the CLI.
#include "fake_hub.h"
#include "fixtures.h"

#include "common/error.h"
#include "hub/hub_cache.h"
#include "hub/env_proxy.h"
#include "hub/hub_download.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkProxy>
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
std::string downloadServed(const std::string &repo, const HubOptions &options, std::string *error = nullptr,
                           std::vector<std::string> *notices = nullptr, std::vector<long long> *progress = nullptr)
{
    std::string dir;
    QEventLoop loop;
    std::thread worker([&] {
        try {
            dir = downloadModel(
                repo, "main", options, nullptr,
                [&](long long done, long long) {
                    if (progress)
                        progress->push_back(done);
                },
                [&](const HubNotice &notice) {
                    if (notices)
                        notices->push_back(notice.text());
                });
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

// A file's bytes; empty (and so unequal to any test file) when it cannot be read.
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
        QCOMPARE(readFile(QString::fromStdString(dir) + "/model.safetensors"), m_hub->files.value(FakeHub::kLargeFile));
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

    // What users meet: a server that keeps connections alive. Five small files and a large one on
    // the CDN, with huggingface_hub's default timeouts: no request waits for a body that HEAD never
    // has (the stall this test was written for took 60 s per file), and connections are reused.
    void aKeptAliveServerDoesNotStall()
    {
        HubOptions o = options();
        o.metadataTimeout = o.downloadTimeout = 10;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!downloadServed("org/tiny", o).empty());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed()) + " ms"));
        qInfo("downloaded in %lld ms on %d connections for %d requests", qint64(clock.elapsed()), m_hub->connections, m_hub->requests);
        QCOMPARE(m_hub->files.size(), 5);
        QVERIFY2(m_hub->connections < m_hub->requests / 2, qPrintable(QString("%1 connections for %2 requests").arg(m_hub->connections).arg(m_hub->requests)));
        QVERIFY(m_hub->log.contains("hub HEAD /org/tiny/resolve/" + QByteArray(FakeHub::kCommit) + "/config.json"));
        QVERIFY(std::any_of(m_hub->log.begin(), m_hub->log.end(), [](const QByteArray &l) { return l.startsWith("cdn GET /cdn/"); }));
    }

    void aServerThatClosesEveryConnection()
    {
        m_hub->closeEveryAnswer = true;
        QVERIFY(!downloadServed("org/tiny", options()).empty());
        QCOMPARE(m_hub->connections, m_hub->requests);
    }

    void chunkedGzippedAndWeakAnswersAreRead()
    {
        for (const char *repo : {"org/chunked", "org/gzip", "org/weak"}) {
            std::string error;
            const std::string dir = downloadServed(repo, options(), &error);
            QVERIFY2(!dir.empty(), error.c_str());
            for (auto it = m_hub->files.begin(); it != m_hub->files.end(); ++it) {
                QFile f(QString::fromStdString(dir) + "/" + it.key());
                QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(QString(repo) + " " + it.key()));
                QCOMPARE(f.readAll(), it.value());
            }
        }
        QVERIFY(m_hub->gzipped > 0); // the client asked for gzip, and read it
        // Weak and unquoted ETags name their blobs without W/ and quotes.
        QVERIFY(QFileInfo::exists(m_cache->path() + "/models--org--weak/blobs/" + FakeHub::gitEtag(m_hub->files["config.json"])));
    }

    // A renamed repository answers with relative redirects (301 for the API, 307 for resolve); the
    // model stays in the cache under the id the user asked for.
    void aRenamedRepositoryIsFollowed()
    {
        std::string error;
        const std::string dir = downloadServed("org/renamed", options(), &error);
        QVERIFY2(!dir.empty(), error.c_str());
        QCOMPARE(QString::fromStdString(dir), m_cache->path() + "/models--org--renamed/snapshots/" + FakeHub::kCommit);
        QVERIFY(m_hub->log.contains("hub HEAD /org/tiny/resolve/" + QByteArray(FakeHub::kCommit) + "/vocab.txt"));
    }

    void aRedirectLoopIsNamed()
    {
        std::string error;
        QVERIFY(downloadServed("org/loop", options(), &error).empty());
        QVERIFY2(QString::fromStdString(error).contains("redirect loop") && QString::fromStdString(error).contains("org/loop2"), error.c_str());
    }

    // 429 with Retry-After: 1, then a 503 on a HEAD: both retried, each wait announced.
    void busyServersAreRetriedAsTheyAsk()
    {
        std::vector<std::string> notices;
        QElapsedTimer clock;
        clock.start();
        std::string error;
        QVERIFY2(!downloadServed("org/busy", options(), &error, &notices).empty(), error.c_str());
        QVERIFY(clock.elapsed() >= 1000);
        const auto said = [&](const char *what) {
            return std::any_of(notices.begin(), notices.end(), [&](const std::string &n) { return n.find(what) != std::string::npos; });
        };
        QVERIFY(said("HTTP 429 Too Many Requests from 127.0.0.1: retrying in 1 s (attempt 2 of 6, as its Retry-After asks)"));
        QVERIFY(said("HTTP 503 Service Unavailable from 127.0.0.1: retrying in 1 s"));
        QVERIFY(said("checking config.json (1 of 5)"));
    }

    void aServerThatStaysDownFailsWithAdvice()
    {
        HubOptions o = options();
        o.maxRetryWait = 3;
        std::string error;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(downloadServed("org/down", o, &error).empty());
        QVERIFY(clock.elapsed() < 10000);
        for (const char *part : {"GET ", "/api/models/org/down", "HTTP 503 Service Unavailable", "try again later", "after 2 retries over 3 s"})
            QVERIFY2(error.find(part) != std::string::npos, error.c_str());
    }

    // Half the file and then silence on an open connection: given up after the timeout, resumed.
    void aStalledConnectionIsResumed()
    {
        HubOptions o = options();
        o.downloadTimeout = 1;
        std::vector<std::string> notices;
        std::string error;
        const std::string dir = downloadServed("org/stall", o, &error, &notices);
        QVERIFY2(!dir.empty(), error.c_str());
        QVERIFY(std::any_of(notices.begin(), notices.end(), [](const std::string &n) { return n.find("no data for 1 s") != std::string::npos; }));
        const QByteArray half = "bytes=" + QByteArray::number(m_hub->files[FakeHub::kLargeFile].size() / 2) + "-";
        QVERIFY(std::any_of(m_hub->log.begin(), m_hub->log.end(), [&](const QByteArray &l) { return l.startsWith("cdn GET") && l.contains(half); }));
        QCOMPARE(readFile(QString::fromStdString(dir) + "/model.safetensors"), m_hub->files.value(FakeHub::kLargeFile));
    }

    // Bytes every 250 ms for 2.5 s with a 1 s timeout: slow is not stalled.
    void aSlowAnswerIsNotAStall()
    {
        HubOptions o = options();
        o.downloadTimeout = 1;
        std::string error;
        std::vector<long long> progress;
        QVERIFY2(!downloadServed("org/slow", o, &error, nullptr, &progress).empty(), error.c_str());
        QVERIFY(progress.size() >= 10);
    }

    void aServerThatIgnoresRangeStartsOver()
    {
        std::string error;
        const std::string dir = downloadServed("org/norange", options(), &error);
        QVERIFY2(!dir.empty(), error.c_str());
        QCOMPARE(readFile(QString::fromStdString(dir) + "/model.safetensors"), m_hub->files.value(FakeHub::kLargeFile));
    }

    void anEtagThatCannotNameABlobIsRefused()
    {
        std::string error;
        QVERIFY(downloadServed("org/dotetag", options(), &error).empty());
        QVERIFY2(QString::fromStdString(error).contains("the ETag '\"..\"' cannot name a file in the cache; refused"), error.c_str());
        QCOMPARE(QDir(m_cache->path() + "/models--org--dotetag/blobs").entryList(QDir::Files).size(), 0);
        for (const char *bad : {".", "..", "-rf", "a/b", "", "x y", ".hidden"})
            QVERIFY2(!isUsableEtag(bad), bad);
        QVERIFY(isUsableEtag(FakeHub::gitEtag("x")) && isUsableEtag("abc-1.2_3"));
    }

    // HEAD answered 401 (files gated, the listing public) gets the same advice as GET.
    void aGatedHeadGivesTheTokenAdvice()
    {
        std::string error;
        QVERIFY(downloadServed("org/headgated", options(), &error).empty());
        QVERIFY2(QString::fromStdString(error).startsWith("HEAD ") && QString::fromStdString(error).contains("HTTP 401 Unauthorized")
                     && QString::fromStdString(error).contains("HF_TOKEN"),
                 error.c_str());
    }

    // The token goes to the endpoint only, never to the CDN's host.
    void theTokenStaysWithTheEndpoint()
    {
        HubOptions o = options();
        o.token = "secret";
        QVERIFY(!downloadServed("org/gated", o).empty());
        for (const QByteArray &line : m_hub->log)
            QVERIFY2(line.startsWith("hub") == line.endsWith(" auth"), line.constData());
    }

    void aMirrorUnderAPathPrefix()
    {
        m_hub = std::make_unique<FakeHub>(kModelDir, "/mirror/hf");
        std::string error;
        QVERIFY2(!downloadServed("org/tiny", options(), &error).empty(), error.c_str());
        QVERIFY(m_hub->log.contains("hub GET /mirror/hf/api/models/org/tiny/revision/main"));
    }

    void proxiesFromTheEnvironment()
    {
        test::FakeProxy proxy;
        HubOptions o = options();
        o.proxy.http = proxy.url().toStdString();
        std::string error;
        QVERIFY2(!downloadServed("org/tiny", o, &error).empty(), error.c_str());
        const auto through = [&](const QByteArray &what) {
            return std::any_of(proxy.log.begin(), proxy.log.end(), [&](const QByteArray &l) { return l.contains(what); });
        };
        QVERIFY(through("GET " + m_hub->endpoint().toLatin1() + "/api/models/org/tiny/revision/main"));
        QVERIFY(through("GET " + m_hub->cdn().toLatin1() + "/cdn/"));

        // no_proxy sends the CDN's host direct.
        m_cache = std::make_unique<QTemporaryDir>();
        proxy.log.clear();
        o = options();
        o.proxy.http = proxy.url().toStdString();
        o.proxy.noProxy = "example.org, localhost";
        QVERIFY(!downloadServed("org/tiny", o).empty());
        QVERIFY(through("/api/models/org/tiny") && !through("/cdn/"));

        // https goes through https_proxy with CONNECT (this proxy refuses it: the error names the proxy).
        o.endpoint = "https://hub.example";
        o.proxy.https = proxy.url().toStdString();
        QVERIFY(downloadServed("org/tiny", o, &error).empty());
        QVERIFY(through("CONNECT hub.example:443"));
        QVERIFY2(QString::fromStdString(error).contains("through the proxy 127.0.0.1"), error.c_str());
    }

    void proxyForReadsLikeRequests_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("expected"); // host:port, or "direct"
        QTest::newRow("https") << "https://huggingface.co/x" << "" << "https-proxy:3128";
        QTest::newRow("http") << "http://mirror.example/x" << "" << "http-proxy:80";
        QTest::newRow("domain") << "https://cdn-lfs.huggingface.co/x" << "huggingface.co" << "direct";
        QTest::newRow("leading dot") << "https://huggingface.co/x" << ".huggingface.co" << "direct";
        QTest::newRow("not a suffix") << "https://nothuggingface.co/x" << "huggingface.co" << "https-proxy:3128";
        QTest::newRow("star") << "https://huggingface.co/x" << "*" << "direct";
        QTest::newRow("port") << "http://mirror.example:8080/x" << "mirror.example:8080" << "direct";
        QTest::newRow("other port") << "http://mirror.example/x" << "mirror.example:8080" << "http-proxy:80";
        QTest::newRow("network") << "http://10.1.2.3/x" << "10.0.0.0/8" << "direct";
        QTest::newRow("outside network") << "http://11.1.2.3/x" << "10.0.0.0/8" << "http-proxy:80";
    }

    void proxyForReadsLikeRequests()
    {
        QFETCH(QString, url);
        QFETCH(QString, noProxy);
        QFETCH(QString, expected);
        ProxySettings settings{"https-proxy:3128", "http://http-proxy", "", noProxy.toStdString()};
        const QNetworkProxy p = proxyFor(QUrl(url), settings);
        QCOMPARE(p.type() == QNetworkProxy::NoProxy ? QString("direct") : QString("%1:%2").arg(p.hostName()).arg(p.port()), expected);
        QCOMPARE(proxyFor(QUrl("https://h/x"), {"", "", "socks5://s:9050", ""}).type(), QNetworkProxy::Socks5Proxy);
    }

    void theEnvironmentAsHuggingfaceHubReadsIt()
    {
        qputenv("HF_HUB_ETAG_TIMEOUT", "3");
        qputenv("HF_HUB_DOWNLOAD_TIMEOUT", "42.5");
        qputenv("https_proxy", "http://lower:1");
        qputenv("HTTPS_PROXY", "http://upper:2");
        qputenv("NO_PROXY", "example.org");
        qputenv("HF_ENDPOINT", "http://mirror.example/hf/");
        const HubOptions o = HubOptions::fromEnvironment();
        for (const char *name : {"HF_HUB_ETAG_TIMEOUT", "HF_HUB_DOWNLOAD_TIMEOUT", "https_proxy", "HTTPS_PROXY", "NO_PROXY", "HF_ENDPOINT"})
            qunsetenv(name);
        QCOMPARE(o.metadataTimeout, 3.0);
        QCOMPARE(o.downloadTimeout, 42.5);
        QCOMPARE(o.proxy.https, std::string("http://lower:1"));
        QCOMPARE(o.proxy.noProxy, std::string("example.org"));
        QCOMPARE(o.endpoint, std::string("http://mirror.example/hf"));
    }

    // Two processes fetch the same model at once: the large file is downloaded once, the other
    // process waits for it, and both end with the same complete snapshot.
    void twoProcessesShareTheCache()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HF_ENDPOINT", m_hub->endpoint());
        env.insert("HF_HUB_CACHE", m_cache->path());
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(env);
            p->start(BERTLENS_CLI, {"download", "org/slow"});
        }
        QEventLoop loop;
        int finished = 0;
        for (QProcess *p : {&a, &b})
            connect(p, &QProcess::finished, &loop, [&] {
                if (++finished == 2)
                    loop.quit();
            });
        loop.exec();
        const QString expected = m_cache->path() + "/models--org--slow/snapshots/" + FakeHub::kCommit;
        const QByteArray errA = a.readAllStandardError(), errB = b.readAllStandardError();
        QVERIFY2(a.exitCode() == 0 && b.exitCode() == 0, (errA + errB).constData());
        QCOMPARE(QString(a.readAllStandardOutput()).trimmed(), expected);
        QCOMPARE(QString(b.readAllStandardOutput()).trimmed(), expected);
        QCOMPARE(std::count_if(m_hub->log.begin(), m_hub->log.end(), [](const QByteArray &l) { return l.startsWith("cdn GET"); }), 1);
        QVERIFY((errA + errB).contains("waiting: another process is downloading model.safetensors of org/slow"));
        QCOMPARE(readFile(expected + "/model.safetensors"), m_hub->files.value(FakeHub::kLargeFile));
    }

    // kill -9 in the middle of the large file: nothing is linked, and the next download resumes
    // from the .incomplete blob.
    void aKilledDownloadResumes()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HF_ENDPOINT", m_hub->endpoint());
        env.insert("HF_HUB_CACHE", m_cache->path());
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(BERTLENS_CLI, {"download", "org/slow"});
        const QString partial = m_cache->path() + "/models--org--slow/blobs/" + FakeHub::sha256(m_hub->files[FakeHub::kLargeFile]) + ".incomplete";
        QElapsedTimer clock;
        clock.start();
        while (QFileInfo(partial).size() < m_hub->files[FakeHub::kLargeFile].size() / 4 && clock.elapsed() < 20000)
            QTest::qWait(20);
        p.kill();
        p.waitForFinished();
        const qint64 kept = QFileInfo(partial).size();
        QVERIFY(kept > 0);
        QVERIFY(!QFileInfo::exists(m_cache->path() + "/models--org--slow/snapshots/" + FakeHub::kCommit + "/model.safetensors"));
        std::string error;
        const std::string dir = downloadServed("org/slow", options(), &error);
        QVERIFY2(!dir.empty(), error.c_str());
        QVERIFY(m_hub->log.contains("cdn GET /cdn/" + FakeHub::sha256(m_hub->files[FakeHub::kLargeFile]) + "/slow bytes=" + QByteArray::number(kept) + "-"));
        QCOMPARE(readFile(QString::fromStdString(dir) + "/model.safetensors"), m_hub->files.value(FakeHub::kLargeFile));
        QVERIFY(!QFileInfo::exists(partial));
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
