#include "hub/hub_download.h"

#include "common/error.h"
#include "hub/hub_cache.h"
#include "io/atomic_file.h"
#include "io/model_folder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <set>

namespace bertlens {

namespace {

constexpr qint64 kMaxApiBytes = 16 << 20;   // the API's JSON: refuse anything larger
constexpr int kAttempts = 5;                // per file, resuming each time
constexpr int kStallSeconds = 60;           // without a byte, a transfer is given up

struct Response {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QByteArray body;
    QUrl location;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    QMap<QByteArray, QByteArray> headers;
};

// Synchronous HTTP on a private event loop, so that the caller (a worker thread or the CLI)
// stays simple; cancellation and stalls abort the transfer.
class Http {
public:
    Http(const HubOptions &options, const CancelToken *cancel) : m_options(options), m_cancel(cancel) {}

    // `sink`: where a GET's body goes as it arrives (else into Response::body, bounded).
    Response send(const QByteArray &verb, const QUrl &url, qint64 from = 0, QFile *sink = nullptr,
                  const std::function<void(qint64)> &received = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("User-Agent", "bertlens");
        request.setRawHeader("Accept-Encoding", "identity");
        if (!m_options.token.empty() && url.host() == QUrl(QString::fromStdString(m_options.endpoint)).host())
            request.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(m_options.token));
        if (from > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(from) + "-");
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb);
        Response r;
        QEventLoop loop;
        qint64 lastData = 0;
        QElapsedTimer clock;
        clock.start();
        bool overflow = false, stalled = false;
        QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
            lastData = clock.elapsed();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray data = reply->readAll();
            if (sink && (status == 200 || status == 206)) {
                sink->write(data);
                if (received)
                    received(data.size());
            } else if (r.body.size() + data.size() <= kMaxApiBytes) {
                r.body += data;
            } else {
                overflow = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer watch;
        QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
            if (m_cancel && m_cancel->isCancelled())
                reply->abort();
            else if (clock.elapsed() - lastData > kStallSeconds * 1000) {
                stalled = true;
                reply->abort();
            }
        });
        watch.start(100);
        if (!reply->isFinished())
            loop.exec();
        if (m_cancel)
            m_cancel->throwIfCancelled();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.errorText = stalled ? QString("no data for %1 s").arg(kStallSeconds) : reply->errorString();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        if (r.status >= 300 && r.status < 400)
            r.location = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        reply->deleteLater();
        if (overflow)
            throw Error(ErrorKind::Io, verb.toStdString() + " " + url.toString().toStdString() + ": answer larger than "
                                           + std::to_string(kMaxApiBytes >> 20) + " MiB");
        return r;
    }

    // A failure as the user needs to read it: the URL, the HTTP status or the socket error.
    [[noreturn]] void fail(const QByteArray &verb, const QUrl &url, const Response &r) const
    {
        std::string message = verb.toStdString() + " " + url.toString().toStdString() + ": ";
        if (r.status >= 400) {
            message += "HTTP " + std::to_string(r.status);
            if (r.status == 401 || r.status == 403)
                message += m_options.token.empty() ? " (a gated or private model: set HF_TOKEN to an access token that may read it)"
                                                   : " (HF_TOKEN may not read this model)";
            if (r.status == 404)
                message += " (no such model, revision or file)";
        } else {
            message += r.errorText.toStdString();
        }
        throw Error(ErrorKind::Io, message);
    }

private:
    const HubOptions &m_options;
    const CancelToken *m_cancel;
    QNetworkAccessManager m_network;
};

QString unquoteEtag(QByteArray etag)
{
    if (etag.startsWith("W/"))
        etag = etag.mid(2);
    return QString::fromLatin1(etag).remove('"');
}

// What the resolve endpoint says about one file.
struct FileInfo {
    QString etag;
    qint64 size = -1;
    QUrl download; // where its bytes are (the resolve URL, or the redirect for large files)
};

void makeSnapshotLink(const QDir &repo, const QString &commit, const QString &file, const QString &etag)
{
    const QString link = repo.filePath("snapshots/" + commit + "/" + file);
    QDir().mkpath(QFileInfo(link).path());
    const QString target = QString("../").repeated(2 + file.count('/')) + "blobs/" + etag;
    QFile::remove(link);
    if (::symlink(target.toLocal8Bit().constData(), link.toLocal8Bit().constData()) != 0)
        throw Error(ErrorKind::Io, link.toStdString() + ": cannot create the link to its blob");
}

} // namespace

HubOptions HubOptions::fromEnvironment()
{
    HubOptions o;
    if (qEnvironmentVariableIsSet("HF_ENDPOINT"))
        o.endpoint = qEnvironmentVariable("HF_ENDPOINT").toStdString();
    while (!o.endpoint.empty() && o.endpoint.back() == '/')
        o.endpoint.pop_back();
    o.token = qEnvironmentVariable(qEnvironmentVariableIsSet("HF_TOKEN") ? "HF_TOKEN" : "HUGGING_FACE_HUB_TOKEN").toStdString();
    const QString offline = qEnvironmentVariable("HF_HUB_OFFLINE").toLower();
    o.offline = offline == "1" || offline == "true" || offline == "yes" || offline == "on";
    o.cacheDir = hubCacheDir();
    return o;
}

RepoInfo parseRepoInfo(const QByteArray &body, const std::string &url)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    RepoInfo info;
    info.commit = json.value("sha").toString().toStdString();
    static const QRegularExpression sha("^[0-9a-f]{40}$");
    if (!sha.match(QString::fromStdString(info.commit)).hasMatch())
        throw Error(ErrorKind::Io, "GET " + url + ": the answer names no commit");
    for (const QJsonValue &v : json.value("siblings").toArray())
        info.siblings.push_back(v.toObject().value("rfilename").toString().toStdString());
    return info;
}

std::vector<std::string> filesToFetch(const std::vector<std::string> &siblings)
{
    static const QRegularExpression wanted(
        R"(^(config\.json|vocab\.txt|tokenizer\.json|tokenizer_config\.json|special_tokens_map\.json|modules\.json|)"
        R"(sentence_bert_config\.json|config_sentence_transformers\.json|[0-9]+_[A-Za-z]+/config\.json)$)");
    const std::set<std::string> all(siblings.begin(), siblings.end());
    // The weights in BertLens' order of preference, one family only.
    static const QRegularExpression safetensorShard(R"(^model-[0-9]+-of-[0-9]+\.safetensors$)"),
        binShard(R"(^pytorch_model-[0-9]+-of-[0-9]+\.bin$)");
    std::vector<std::string> out;
    for (const std::string &s : siblings)
        if (wanted.match(QString::fromStdString(s)).hasMatch())
            out.push_back(s);
    auto addShards = [&](const char *index, const QRegularExpression &shard) {
        out.push_back(index);
        for (const std::string &s : siblings)
            if (shard.match(QString::fromStdString(s)).hasMatch())
                out.push_back(s);
    };
    if (all.count("model.safetensors"))
        out.push_back("model.safetensors");
    else if (all.count("model.safetensors.index.json"))
        addShards("model.safetensors.index.json", safetensorShard);
    else if (all.count("pytorch_model.bin"))
        out.push_back("pytorch_model.bin");
    else if (all.count("pytorch_model.bin.index.json"))
        addShards("pytorch_model.bin.index.json", binShard);
    return out;
}

std::string downloadModel(const std::string &repoId, const std::string &revision, const HubOptions &options,
                          const CancelToken *cancel, const ProgressFn &progress)
{
    if (!isHubModelId(repoId))
        throw Error(ErrorKind::Usage, "'" + repoId + "' is neither a model folder nor a Hugging Face model id (ORG/NAME)");
    if (options.offline) {
        const std::string cached = cachedSnapshot(options.cacheDir, repoId, revision);
        if (cached.empty())
            throw modelError(repoId + " (" + revision + ") is not in the Hugging Face cache " + options.cacheDir
                             + ", and HF_HUB_OFFLINE=1 forbids downloading it");
        return cached;
    }
    Http http(options, cancel);
    const QString endpoint = QString::fromStdString(options.endpoint);
    const QString repo = QString::fromStdString(repoId), rev = QString::fromStdString(revision);

    const QUrl api(endpoint + "/api/models/" + repo + "/revision/" + QUrl::toPercentEncoding(rev));
    const Response info = http.send("GET", api);
    if (info.status != 200)
        http.fail("GET", api, info);
    const RepoInfo repoInfo = parseRepoInfo(info.body, api.toString().toStdString());
    const QString commit = QString::fromStdString(repoInfo.commit);
    const std::vector<std::string> files = filesToFetch(repoInfo.siblings);
    if (std::find(files.begin(), files.end(), "config.json") == files.end())
        throw modelError(repoId + ": the repository has no config.json; is it a model of the BERT family?");

    const QDir repoDir(QString::fromStdString(options.cacheDir + "/" + repoFolderName(repoId)));
    QDir().mkpath(repoDir.filePath("blobs"));
    // HEAD every file first: the total for the progress bar, and which blobs are there already.
    std::vector<FileInfo> infos;
    qint64 total = 0, done = 0;
    for (const std::string &file : files) {
        const QUrl url(endpoint + "/" + repo + "/resolve/" + commit + "/" + QString::fromStdString(file));
        const Response head = http.send("HEAD", url);
        if (head.status >= 400 || head.status == 0)
            http.fail("HEAD", url, head);
        FileInfo f;
        f.etag = unquoteEtag(!head.header("X-Linked-Etag").isEmpty() ? head.header("X-Linked-Etag") : head.header("ETag"));
        const QByteArray size = !head.header("X-Linked-Size").isEmpty() ? head.header("X-Linked-Size") : head.header("Content-Length");
        bool known = false;
        f.size = size.toLongLong(&known);
        if (!known)
            f.size = -1; // not announced: not checked
        f.download = head.location.isValid() && !head.location.isEmpty() ? head.location : url;
        static const QRegularExpression safe("^[A-Za-z0-9_.\\-]{1,128}$");
        if (!safe.match(f.etag).hasMatch())
            throw Error(ErrorKind::Io, "HEAD " + url.toString().toStdString() + ": no usable ETag");
        if (!QFileInfo::exists(repoDir.filePath("blobs/" + f.etag)))
            total += std::max<qint64>(f.size, 0);
        infos.push_back(f);
    }
    for (size_t i = 0; i < files.size(); ++i) {
        const FileInfo &f = infos[i];
        const QString blob = repoDir.filePath("blobs/" + f.etag);
        if (!QFileInfo::exists(blob)) {
            const QString partial = blob + ".incomplete";
            for (int attempt = 1;; ++attempt) {
                QFile out(partial);
                if (!out.open(QIODevice::ReadWrite | QIODevice::Append))
                    throw Error(ErrorKind::Io, partial.toStdString() + ": " + out.errorString().toStdString());
                const qint64 from = out.size();
                QUrl url = f.download;
                Response r;
                for (int hop = 0; hop < 5; ++hop) { // redirects, each to where the bytes are
                    r = http.send("GET", url, from, &out, [&](qint64 n) {
                        done += n;
                        if (progress)
                            progress(done, total);
                    });
                    if (r.status < 300 || r.status >= 400)
                        break;
                    url = r.location;
                }
                if (r.status == 200 && from > 0) { // the server ignored the Range: start again
                    out.resize(0);
                    continue;
                }
                if (r.error == QNetworkReply::NoError && (r.status == 200 || r.status == 206))
                    break;
                if (r.status >= 400 || attempt == kAttempts)
                    http.fail("GET", url, r);
                // A dropped connection: resume from what arrived.
            }
            if (f.size >= 0 && QFileInfo(partial).size() != f.size)
                throw Error(ErrorKind::Io, f.download.toString().toStdString() + ": received " + std::to_string(QFileInfo(partial).size())
                                               + " bytes, the server announced " + std::to_string(f.size));
            if (QRegularExpression("^[0-9a-f]{64}$").match(f.etag).hasMatch()) {
                QFile check(partial);
                QCryptographicHash hash(QCryptographicHash::Sha256);
                if (!check.open(QIODevice::ReadOnly) || !hash.addData(&check) || hash.result().toHex() != f.etag.toLatin1()) {
                    QFile::remove(partial);
                    throw Error(ErrorKind::Io, QString::fromStdString(files[i]).toStdString() + " of " + repoId
                                                   + ": its sha256 is not the " + f.etag.toStdString()
                                                   + " the Hub announced; the download was deleted");
                }
            }
            if (!QFile::rename(partial, blob))
                throw Error(ErrorKind::Io, blob.toStdString() + ": cannot move the finished download into place");
        }
        makeSnapshotLink(repoDir, commit, QString::fromStdString(files[i]), f.etag);
    }
    if (rev != commit) {
        QDir().mkpath(QFileInfo(repoDir.filePath("refs/" + rev)).path());
        AtomicFile ref(repoDir.filePath("refs/" + rev).toStdString());
        ref.write(commit.toStdString());
        ref.commit();
    }
    const std::string snapshot = repoDir.filePath("snapshots/" + commit).toStdString();
    if (cachedSnapshot(options.cacheDir, repoId, commit.toStdString()).empty())
        ModelFolder::locate(snapshot); // throws what is missing
    return snapshot;
}

std::string resolveModelDir(const std::string &dirOrId, const HubOptions &options, const CancelToken *cancel,
                            const ProgressFn &progress, const std::string &revision)
{
    if (QFileInfo(QString::fromStdString(dirOrId)).isDir() || !isHubModelId(dirOrId))
        return dirOrId; // a folder (or not an id: the loader says what is wrong with it)
    const std::string cached = cachedSnapshot(options.cacheDir, dirOrId, revision);
    if (!cached.empty())
        return cached;
    return downloadModel(dirOrId, revision, options, cancel, progress);
}

} // namespace bertlens
