#pragma once
// A local HTTP/1.1 server that answers as the Hugging Face Hub and its CDN do, for the download
// tests: persistent connections (kept alive unless the client or the test asks otherwise),
// Content-Length or chunked bodies, gzip for a client that accepts it, the model API, `resolve` with
// ETags, and the large file redirected to a second server — another host name ("localhost" beside
// "127.0.0.1"), as the Hub's CDN is — that honours Range. It runs on the test's event loop and serves
// the tiny model folder of the fixtures (plus a special_tokens_map.json: five files) as repositories
// that each behave in one way a real network does:
//   org/tiny      as the Hub            org/chunked  every answer chunked     org/gzip   the API's JSON gzipped
//   org/gated     401 without "Authorization: Bearer secret" (API, HEAD and GET)
//   org/headgated the API answers, HEAD and GET of its files say 401
//   org/flaky     the CDN drops the large file's first download half-way (the client resumes with Range)
//   org/norange   the same, and then ignores the Range (a 200 with the whole file)
//   org/stall     the CDN sends half the large file and then nothing, keeping the connection open
//   org/slow      the CDN sends the large file in 10 pieces, one every 250 ms
//   org/busy      the API first answers 429 with Retry-After: 1, config.json's HEAD first 503
//   org/down      503 for ever                org/badsha  the large file announced with a wrong sha256
//   org/renamed   relative redirects (301 for the API, 307 for resolve) to org/tiny, as a renamed repository
//   org/loop      the API redirects to org/loop2, which redirects back
//   org/dotetag   its small files' ETag is ".."    org/weak  ETags unquoted and weak (W/"…")
//   anything else: 404.
// Under `prefix` (e.g. "/mirror/hf") everything moves to a path, as a mirror's HF_ENDPOINT has it.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

namespace bertlens::test {

class FakeHub : public QObject {
public:
    static constexpr const char *kCommit = "0123456789abcdef0123456789abcdef01234567";
    static constexpr const char *kLargeFile = "model.safetensors";

    explicit FakeHub(const QString &modelDir, const QString &prefix = {}) : m_prefix(prefix)
    {
        for (const QString &name : QDir(modelDir).entryList(QDir::Files)) {
            QFile f(QDir(modelDir).filePath(name));
            f.open(QIODevice::ReadOnly);
            files.insert(name, f.readAll());
        }
        files.insert("special_tokens_map.json", R"({"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"})");
        for (QTcpServer *server : {&m_hub, &m_cdn}) {
            server->listen(QHostAddress::LocalHost, 0);
            connect(server, &QTcpServer::newConnection, this, [this, server] {
                while (QTcpSocket *socket = server->nextPendingConnection()) {
                    ++connections;
                    connect(socket, &QTcpSocket::readyRead, this, [this, socket, server] { serve(socket, server == &m_cdn); });
                    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
        }
    }

    QString endpoint() const { return QString("http://127.0.0.1:%1").arg(m_hub.serverPort()) + m_prefix; }
    QString cdn() const { return QString("http://localhost:%1").arg(m_cdn.serverPort()); }
    static QByteArray sha256(const QByteArray &data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex(); }
    static QByteArray gitEtag(const QByteArray &data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex(); }

    QMap<QString, QByteArray> files; // the repository's files
    bool closeEveryAnswer = false;   // "Connection: close" and hang up, as an old proxy does
    int requests = 0, connections = 0, gzipped = 0;
    QList<QByteArray> log; // "hub|cdn METHOD PATH [Range] [auth]"

private:
    struct Answer {
        int status = 200;
        QMap<QByteArray, QByteArray> headers;
        QByteArray body;
        bool chunked = false;
    };

    static QByteArray reason(int status)
    {
        static const QMap<int, QByteArray> phrases = {{200, "OK"}, {206, "Partial Content"}, {301, "Moved Permanently"}, {302, "Found"},
                                                      {307, "Temporary Redirect"}, {401, "Unauthorized"}, {404, "Not Found"},
                                                      {429, "Too Many Requests"}, {503, "Service Unavailable"}};
        return phrases.value(status, "Status");
    }

    // Requests are read one after the other from the connection's buffer (a client may send the
    // next one as soon as an answer is complete).
    void serve(QTcpSocket *socket, bool cdn)
    {
        QByteArray &buffer = m_pending[socket];
        buffer += socket->readAll();
        int end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            buffer.remove(0, end + 4);
            const QList<QByteArray> first = lines[0].trimmed().split(' ');
            QMap<QByteArray, QByteArray> headers;
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines[i].indexOf(':');
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            ++requests;
            const QByteArray method = first.value(0), path = QByteArray::fromPercentEncoding(first.value(1));
            log << QByteArray(cdn ? "cdn " : "hub ") + method + " " + path + (headers.contains("range") ? " " + headers["range"] : QByteArray())
                       + (headers.contains("authorization") ? " auth" : "");
            const bool close = closeEveryAnswer || headers.value("connection").toLower() == "close";
            if (cdn)
                respondCdn(socket, method, QString::fromUtf8(path), headers, close);
            else
                write(socket, method, respondHub(QString::fromUtf8(path).mid(m_prefix.size()), headers), headers, close);
        }
    }

    void write(QTcpSocket *socket, const QByteArray &method, Answer a, const QMap<QByteArray, QByteArray> &request, bool close)
    {
        if (a.headers.contains("Content-Type") && a.headers["Content-Type"] == "application/json" && m_gzipJson
            && request.value("accept-encoding").contains("gzip")) {
            a.body = gzip(a.body);
            a.headers.insert("Content-Encoding", "gzip");
            ++gzipped;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(a.status) + " " + reason(a.status) + "\r\n";
        if (close)
            out += "Connection: close\r\n";
        for (auto it = a.headers.begin(); it != a.headers.end(); ++it)
            out += it.key() + ": " + it.value() + "\r\n";
        if (a.chunked && method != "HEAD")
            out += "Transfer-Encoding: chunked\r\n";
        else if (!a.headers.contains("Content-Length"))
            out += "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n";
        out += "\r\n";
        if (method != "HEAD") {
            if (a.chunked) {
                for (int at = 0; at < a.body.size(); at += 100)
                    out += QByteArray::number(qMin(100, int(a.body.size() - at)), 16) + "\r\n" + a.body.mid(at, 100) + "\r\n";
                out += "0\r\n\r\n";
            } else {
                out += a.body;
            }
        }
        socket->write(out);
        socket->flush();
        if (close)
            socket->disconnectFromHost();
    }

    static QByteArray gzip(const QByteArray &data)
    {
        z_stream z{};
        deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        QByteArray out(int(deflateBound(&z, uLong(data.size()))), '\0');
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
        z.avail_in = uInt(data.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        deflate(&z, Z_FINISH);
        out.resize(int(z.total_out));
        deflateEnd(&z);
        return out;
    }

    void respondCdn(QTcpSocket *socket, const QByteArray &method, const QString &path, const QMap<QByteArray, QByteArray> &request, bool close)
    {
        const QByteArray large = files.value(kLargeFile);
        const QString mode = path.section('/', 3);
        qint64 from = request.contains("range") ? request["range"].mid(6).split('-')[0].toLongLong() : 0;
        const bool firstTime = !m_served.contains(mode);
        m_served.insert(mode, true);
        if ((mode == "flaky" || mode == "norange" || mode == "stall") && firstTime) {
            // Headers for the whole file, then half of it; then hang up, or go silent.
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(large.size()) + "\r\n\r\n" + large.left(large.size() / 2));
            socket->flush();
            if (mode != "stall")
                socket->abort();
            return;
        }
        if (mode == "norange")
            from = 0;
        Answer a;
        a.status = from > 0 ? 206 : 200;
        if (from > 0)
            a.headers.insert("Content-Range", "bytes " + QByteArray::number(from) + "-" + QByteArray::number(large.size() - 1) + "/"
                                                  + QByteArray::number(large.size()));
        a.body = large.mid(from);
        if (mode != "slow" || method == "HEAD") {
            write(socket, method, a, request, close);
            return;
        }
        socket->write("HTTP/1.1 " + QByteArray::number(a.status) + " " + reason(a.status) + "\r\nContent-Length: "
                      + QByteArray::number(a.body.size()) + (from > 0 ? "\r\nContent-Range: " + a.headers["Content-Range"] : QByteArray())
                      + "\r\n\r\n");
        const QPointer<QTcpSocket> guarded(socket);
        const int piece = int(a.body.size() + 9) / 10;
        for (int i = 0; i < 10; ++i)
            QTimer::singleShot(250 * (i + 1), this, [guarded, body = a.body.mid(i * piece, piece)] {
                if (guarded)
                    guarded->write(body);
            });
    }

    Answer respondHub(const QString &path, const QMap<QByteArray, QByteArray> &request)
    {
        static const QStringList repos = {"org/tiny",  "org/gated", "org/headgated", "org/flaky", "org/norange", "org/stall", "org/slow",
                                          "org/busy",  "org/down",  "org/badsha",    "org/chunked", "org/gzip", "org/renamed", "org/loop",
                                          "org/loop2", "org/dotetag", "org/weak"};
        QString repo;
        for (const QString &r : repos)
            if (path.startsWith("/api/models/" + r + "/") || path.startsWith("/" + r + "/resolve/"))
                repo = r;
        const bool api = path.startsWith("/api/models/");
        Answer a;
        m_gzipJson = repo == "org/gzip";
        a.chunked = repo == "org/chunked";
        if (repo.isEmpty())
            return {404, {}, "Repository not found"};
        if ((repo == "org/gated" || (repo == "org/headgated" && !api)) && request.value("authorization") != "Bearer secret")
            return {401, {}, "Access to model " + repo.toUtf8() + " is restricted."};
        if (repo == "org/down")
            return {503, {}, "Service Unavailable"};
        if (repo == "org/renamed")
            return {api ? 301 : 307, {{"Location", (m_prefix + QString(path).replace("org/renamed", "org/tiny")).toUtf8()}}, {}};
        if (repo == "org/loop" || repo == "org/loop2")
            return {302, {{"Location", (m_prefix + QString(path).replace(repo, repo == "org/loop" ? "org/loop2" : "org/loop")).toUtf8()}}, {}};
        if (repo == "org/busy" && !m_served.contains(path)) {
            m_served.insert(path, true);
            if (api)
                return {429, {{"Retry-After", "1"}}, "Too many requests"};
            if (path.endsWith("/config.json"))
                return {503, {}, "Service Unavailable"};
        }
        if (api) {
            QJsonArray siblings;
            for (const QString &name : files.keys())
                siblings.append(QJsonObject{{"rfilename", name}});
            siblings.append(QJsonObject{{"rfilename", "README.md"}}); // not needed: never fetched
            a.headers.insert("Content-Type", "application/json");
            a.body = QJsonDocument(QJsonObject{{"id", repo}, {"sha", kCommit}, {"siblings", siblings}}).toJson();
            return a;
        }
        const QString file = path.section("/resolve/", 1).section('/', 1);
        if (!files.contains(file))
            return {404, {}, "Entry not found"};
        a.headers.insert("X-Repo-Commit", kCommit);
        if (file == kLargeFile) {
            const QByteArray large = files[file];
            a.status = 302;
            a.headers.insert("X-Linked-Etag", "\"" + (repo == "org/badsha" ? QByteArray(64, 'a') : sha256(large)) + "\"");
            a.headers.insert("X-Linked-Size", QByteArray::number(large.size()));
            a.headers.insert("ETag", "\"" + gitEtag(large) + "\"");
            const QString mode = repo.section('/', 1);
            a.headers.insert("Location", (cdn() + "/cdn/" + sha256(large) + "/" + mode).toUtf8());
            return a;
        }
        const QByteArray etag = gitEtag(files[file]);
        a.headers.insert("ETag", repo == "org/dotetag" ? "\"..\"" : repo == "org/weak" ? (file.size() % 2 ? "W/\"" + etag + "\"" : etag)
                                                                                        : "\"" + etag + "\"");
        a.body = files[file];
        return a;
    }

    QString m_prefix;
    QTcpServer m_hub, m_cdn;
    QMap<QTcpSocket *, QByteArray> m_pending;
    QMap<QString, bool> m_served; // what was asked before (first-time failures)
    bool m_gzipJson = false;
};

// A forward proxy as companies run them: absolute-URI requests for http:// (answered through a
// connection of its own to the server), CONNECT for https:// (refused here: no TLS in the tests,
// but the request shows the client went through the proxy).
class FakeProxy : public QObject {
public:
    FakeProxy()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                connect(client, &QTcpSocket::readyRead, this, [this, client] { serve(client); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QString("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    QList<QByteArray> log; // request lines as they arrived

private:
    void serve(QTcpSocket *client)
    {
        QByteArray &buffer = m_pending[client];
        buffer += client->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);
        const QList<QByteArray> first = lines[0].trimmed().split(' ');
        log << lines[0].trimmed();
        if (first.value(0) == "CONNECT") {
            client->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        const QUrl target(QString::fromLatin1(first.value(1)));
        QByteArray request = first.value(0) + " " + target.path(QUrl::FullyEncoded).toLatin1()
            + (target.hasQuery() ? "?" + target.query(QUrl::FullyEncoded).toLatin1() : QByteArray()) + " HTTP/1.1\r\n";
        for (int i = 1; i < lines.size(); ++i)
            if (!lines[i].toLower().startsWith("connection") && !lines[i].toLower().startsWith("proxy-"))
                request += lines[i].trimmed() + "\r\n";
        request += "Connection: close\r\n\r\n";
        // One upstream connection per request; its answer is relayed as it arrives, and the
        // client's connection closes with it.
        auto *upstream = new QTcpSocket(client);
        connect(upstream, &QTcpSocket::connected, upstream, [upstream, request] { upstream->write(request); });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [client, upstream] {
            client->write(upstream->readAll());
            client->disconnectFromHost();
        });
        upstream->connectToHost(target.host() == "localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(target.host()),
                                quint16(target.port(80)));
    }

    QTcpServer m_server;
    QMap<QTcpSocket *, QByteArray> m_pending;
};

} // namespace bertlens::test
