#include "hub/hub_download.h"

#include "common/error.h"
#include "hub/blob_lock.h"
#include "hub/hub_cache.h"
#include "hub/http_client.h"
#include "io/atomic_file.h"
#include "io/model_folder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <unistd.h>

#include <algorithm>
#include <set>

namespace bertlens {

namespace {

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

// Made beside and renamed into place: another process may be linking the same file.
void makeSnapshotLink(const QDir &repo, const QString &commit, const QString &file, const QString &etag)
{
    const QString link = repo.filePath("snapshots/" + commit + "/" + file);
    QDir().mkpath(QFileInfo(link).path());
    const QString target = QString("../").repeated(2 + file.count('/')) + "blobs/" + etag;
    const QByteArray temporary = (link + ".bertlens-" + QString::number(::getpid())).toLocal8Bit();
    ::unlink(temporary.constData());
    if (::symlink(target.toLocal8Bit().constData(), temporary.constData()) != 0
        || ::rename(temporary.constData(), link.toLocal8Bit().constData()) != 0) {
        ::unlink(temporary.constData());
        throw Error(ErrorKind::Io, link.toStdString() + ": cannot create the link to its blob");
    }
}

// One file's bytes into `partial`, resuming what is there (Range), after drops and stalls.
void fetchInto(HttpClient &http, const QUrl &source, const QString &partial, const std::function<void(qint64)> &received)
{
    for (int attempt = 1;; ++attempt) {
        QFile out(partial);
        if (!out.open(QIODevice::ReadWrite | QIODevice::Append))
            throw Error(ErrorKind::Io, partial.toStdString() + ": " + out.errorString().toStdString());
        HttpRequest get;
        get.url = source;
        get.from = out.size();
        get.sink = &out;
        get.received = received;
        const HttpResponse r = http.request(get, HttpClient::Follow::All);
        if (r.ok())
            return;
        if (!http.retryAfter(r, attempt, r.url))
            http.fail("GET", r.url, r);
    }
}

} // namespace

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

bool isUsableEtag(const QString &etag)
{
    static const QRegularExpression usable("^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}$");
    return usable.match(etag).hasMatch();
}

std::string downloadModel(const std::string &repoId, const std::string &revision, const HubOptions &options,
                          const CancelToken *cancel, const ProgressFn &progress, const NoticeFn &notice)
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
    HttpClient http(options, cancel, notice);
    const QString endpoint = QString::fromStdString(options.endpoint);
    const QString repo = QString::fromStdString(repoId), rev = QString::fromStdString(revision);

    const QUrl api(endpoint + "/api/models/" + repo + "/revision/" + QUrl::toPercentEncoding(rev));
    HttpRequest apiGet;
    apiGet.url = api;
    const HttpResponse info = http.request(apiGet, HttpClient::Follow::All);
    if (!info.ok())
        http.fail("GET", api, info);
    const RepoInfo repoInfo = parseRepoInfo(info.body, api.toString().toStdString());
    const QString commit = QString::fromStdString(repoInfo.commit);
    const std::vector<std::string> files = filesToFetch(repoInfo.siblings);
    auto say = [&](HubNotice::Kind kind, size_t i) {
        if (!notice)
            return;
        HubNotice n;
        n.kind = kind;
        n.file = files[i];
        n.repo = repoId;
        n.index = int(i) + 1;
        n.count = int(files.size());
        notice(n);
    };
    if (std::find(files.begin(), files.end(), "config.json") == files.end())
        throw modelError(repoId + ": the repository has no config.json; is it a model of the BERT family?");

    const QDir repoDir(QString::fromStdString(options.cacheDir + "/" + repoFolderName(repoId)));
    const QString locks = QString::fromStdString(options.cacheDir + "/.locks/" + repoFolderName(repoId));
    QDir().mkpath(repoDir.filePath("blobs"));
    // HEAD every file first: the total for the progress bar, and which blobs are there already.
    std::vector<FileInfo> infos;
    qint64 total = 0, done = 0;
    for (size_t i = 0; i < files.size(); ++i) {
        const QString file = QString::fromStdString(files[i]);
        say(HubNotice::Kind::Checking, i);
        const QUrl url(endpoint + "/" + repo + "/resolve/" + commit + "/" + file);
        HttpRequest headRequest;
        headRequest.verb = "HEAD";
        headRequest.url = url;
        const HttpResponse head = http.request(headRequest, HttpClient::Follow::SameHost);
        const bool toCdn = head.status >= 300 && head.status < 400;
        if (!head.ok() && !toCdn)
            http.fail("HEAD", head.url, head);
        const QByteArray answeredCommit = head.header("X-Repo-Commit");
        if (!answeredCommit.isEmpty() && answeredCommit != commit.toLatin1())
            throw Error(ErrorKind::Io, "HEAD " + url.toString().toStdString() + ": answered for commit " + answeredCommit.toStdString()
                                           + ", not the " + repoInfo.commit + " the API named");
        FileInfo f;
        const QByteArray rawEtag = !head.header("X-Linked-Etag").isEmpty() ? head.header("X-Linked-Etag") : head.header("ETag");
        f.etag = unquoteEtag(rawEtag);
        if (!isUsableEtag(f.etag))
            throw Error(ErrorKind::Io, "HEAD " + url.toString().toStdString() + ": "
                                           + (rawEtag.isEmpty() ? std::string("no ETag, which names the file in the cache")
                                                                : "the ETag '" + rawEtag.toStdString() + "' cannot name a file in the cache")
                                           + "; refused (is HF_ENDPOINT a Hugging Face Hub or a mirror of one?)");
        const QByteArray size = !head.header("X-Linked-Size").isEmpty() ? head.header("X-Linked-Size") : head.header("Content-Length");
        bool known = false;
        f.size = size.toLongLong(&known);
        if (!known || f.size < 0)
            f.size = -1; // not announced: not checked
        f.download = toCdn ? head.location : head.url;
        if (!QFileInfo::exists(repoDir.filePath("blobs/" + f.etag)))
            total += std::max<qint64>(f.size, 0);
        infos.push_back(f);
    }
    if (progress)
        progress(0, total);
    for (size_t i = 0; i < files.size(); ++i) {
        const FileInfo &f = infos[i];
        const QString blob = repoDir.filePath("blobs/" + f.etag);
        if (!QFileInfo::exists(blob)) {
            const BlobLock lock((locks + "/" + f.etag + ".lock").toStdString(), cancel,
                                [&] { say(HubNotice::Kind::WaitingForLock, i); });
            if (!QFileInfo::exists(blob)) { // unless that other process finished it
                say(HubNotice::Kind::Fetching, i);
                const QString partial = blob + ".incomplete";
                const qint64 resumed = QFileInfo(partial).size();
                done += resumed;
                fetchInto(http, f.download, partial, [&](qint64 n) {
                    done += n;
                    if (progress)
                        progress(done, total);
                });
                if (f.size >= 0 && QFileInfo(partial).size() != f.size)
                    throw Error(ErrorKind::Io, f.download.toString().toStdString() + ": received " + std::to_string(QFileInfo(partial).size())
                                                   + " bytes, the server announced " + std::to_string(f.size));
                static const QRegularExpression sha256("^[0-9a-f]{64}$");
                if (sha256.match(f.etag).hasMatch()) {
                    QFile check(partial);
                    QCryptographicHash hash(QCryptographicHash::Sha256);
                    if (!check.open(QIODevice::ReadOnly) || !hash.addData(&check) || hash.result().toHex() != f.etag.toLatin1()) {
                        QFile::remove(partial);
                        throw Error(ErrorKind::Io, files[i] + " of " + repoId + ": its sha256 is not the " + f.etag.toStdString()
                                                       + " the Hub announced; the download was deleted");
                    }
                }
                if (::rename(partial.toLocal8Bit().constData(), blob.toLocal8Bit().constData()) != 0)
                    throw Error(ErrorKind::Io, blob.toStdString() + ": cannot move the finished download into place");
            }
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
                            const ProgressFn &progress, const std::string &revision, const NoticeFn &notice)
{
    if (QFileInfo(QString::fromStdString(dirOrId)).isDir() || !isHubModelId(dirOrId))
        return dirOrId; // a folder (or not an id: the loader says what is wrong with it)
    const std::string cached = cachedSnapshot(options.cacheDir, dirOrId, revision);
    if (!cached.empty())
        return cached;
    return downloadModel(dirOrId, revision, options, cancel, progress, notice);
}

} // namespace bertlens
