#pragma once
// A local HTTP server that answers as the Hugging Face Hub does, for the download tests: the
// model API, `resolve` with ETags (a redirect to a CDN path with X-Linked-Etag/-Size for the
// large file), Range requests, and the failures a real network has. It runs on the test's event
// loop (127.0.0.1, a free port) and serves the tiny model folder of the fixtures as repos:
//   org/tiny    the model; org/gated  the same, 401 without "Authorization: Bearer secret";
//   org/flaky   the large file's first download is cut in the middle (the client must resume);
//   org/badsha  the large file announced with a wrong sha256; anything else: 404.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>

namespace bertlens::test {

class FakeHub : public QObject {
public:
    static constexpr const char *kCommit = "0123456789abcdef0123456789abcdef01234567";
    static constexpr const char *kLargeFile = "model.safetensors";

    explicit FakeHub(const QString &modelDir)
    {
        for (const QString &name : QDir(modelDir).entryList(QDir::Files)) {
            QFile f(QDir(modelDir).filePath(name));
            f.open(QIODevice::ReadOnly);
            files.insert(name, f.readAll());
        }
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QString endpoint() const { return QString("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    static QByteArray sha256(const QByteArray &data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex(); }
    static QByteArray gitEtag(const QByteArray &data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex(); }

    QMap<QString, QByteArray> files; // the repository's files
    int requests = 0;
    QList<QByteArray> log; // "METHOD PATH [Range]"

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_pending[socket];
        buffer += socket->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        m_pending.remove(socket);
        const QList<QByteArray> first = lines[0].trimmed().split(' ');
        QMap<QByteArray, QByteArray> headers;
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        ++requests;
        const QByteArray method = first.value(0), path = QByteArray::fromPercentEncoding(first.value(1));
        log << method + " " + path + (headers.contains("range") ? " " + headers["range"] : QByteArray());
        respond(socket, method, QString::fromUtf8(path), headers);
    }

    void send(QTcpSocket *socket, const QByteArray &method, int status, const QMap<QByteArray, QByteArray> &headers,
              const QByteArray &body, qint64 announced = -1)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nConnection: close\r\n";
        for (auto it = headers.begin(); it != headers.end(); ++it)
            out += it.key() + ": " + it.value() + "\r\n";
        if (!headers.contains("Content-Length"))
            out += "Content-Length: " + QByteArray::number(announced >= 0 ? announced : body.size()) + "\r\n";
        out += "\r\n";
        if (method != "HEAD")
            out += body;
        socket->write(out);
        socket->flush();
        socket->disconnectFromHost();
    }

    void respond(QTcpSocket *socket, const QByteArray &method, const QString &path, const QMap<QByteArray, QByteArray> &request)
    {
        static const QStringList repos = {"org/tiny", "org/gated", "org/flaky", "org/badsha"};
        const QByteArray large = files.value(kLargeFile);
        if (path.startsWith("/cdn/")) { // the large file's bytes, with Range support
            qint64 from = 0;
            if (request.contains("range"))
                from = request["range"].mid(6).split('-')[0].toLongLong();
            const QByteArray rest = large.mid(from);
            if (path.endsWith("/flaky") && !m_cut) { // headers for the whole file, then half of it
                m_cut = true;
                QByteArray out = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + QByteArray::number(large.size())
                    + "\r\n\r\n" + large.left(large.size() / 2);
                socket->write(out);
                socket->flush();
                socket->abort();
                return;
            }
            QMap<QByteArray, QByteArray> h;
            if (from > 0)
                h.insert("Content-Range", "bytes " + QByteArray::number(from) + "-" + QByteArray::number(large.size() - 1) + "/"
                                              + QByteArray::number(large.size()));
            send(socket, method, from > 0 ? 206 : 200, h, rest);
            return;
        }
        QString repo;
        for (const QString &r : repos)
            if (path.startsWith("/api/models/" + r + "/") || path.startsWith("/" + r + "/resolve/"))
                repo = r;
        if (repo.isEmpty()) {
            send(socket, method, 404, {}, "Repository not found");
            return;
        }
        if (repo == "org/gated" && request.value("authorization") != "Bearer secret") {
            send(socket, method, 401, {}, "Access to model org/gated is restricted.");
            return;
        }
        if (path.startsWith("/api/models/")) {
            QJsonArray siblings;
            for (const QString &name : files.keys())
                siblings.append(QJsonObject{{"rfilename", name}});
            siblings.append(QJsonObject{{"rfilename", "README.md"}}); // not needed: never fetched
            send(socket, method, 200, {{"Content-Type", "application/json"}},
                 QJsonDocument(QJsonObject{{"id", repo}, {"sha", kCommit}, {"siblings", siblings}}).toJson());
            return;
        }
        const QString file = path.section("/resolve/", 1).section('/', 1);
        if (!files.contains(file)) {
            send(socket, method, 404, {}, "Entry not found");
            return;
        }
        QMap<QByteArray, QByteArray> h{{"X-Repo-Commit", kCommit}};
        if (file == kLargeFile) {
            h.insert("X-Linked-Etag", "\"" + (repo == "org/badsha" ? QByteArray(64, 'a') : sha256(large)) + "\"");
            h.insert("X-Linked-Size", QByteArray::number(large.size()));
            h.insert("ETag", "\"" + gitEtag(large) + "\"");
            h.insert("Location", "/cdn/" + sha256(large) + (repo == "org/flaky" ? "/flaky" : ""));
            send(socket, method, 302, h, {});
            return;
        }
        h.insert("ETag", "\"" + gitEtag(files[file]) + "\"");
        send(socket, method, 200, h, files[file]);
    }

    QTcpServer m_server;
    QMap<QTcpSocket *, QByteArray> m_pending;
    bool m_cut = false;
};

} // namespace bertlens::test
