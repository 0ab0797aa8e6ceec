#include "hub/hub_cache.h"

#include "common/error.h"
#include "io/model_folder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace bertlens {

std::string hubCacheDir()
{
    if (qEnvironmentVariableIsSet("HF_HUB_CACHE"))
        return qEnvironmentVariable("HF_HUB_CACHE").toStdString();
    if (qEnvironmentVariableIsSet("HF_HOME"))
        return (qEnvironmentVariable("HF_HOME") + "/hub").toStdString();
    return (QDir::homePath() + "/.cache/huggingface/hub").toStdString();
}

bool isHubModelId(const std::string &text)
{
    static const QRegularExpression id(R"(^(?:[A-Za-z0-9][A-Za-z0-9_.\-]{0,95}/)?[A-Za-z0-9][A-Za-z0-9_.\-]{0,95}$)");
    const QString s = QString::fromStdString(text);
    return id.match(s).hasMatch() && !s.contains("..");
}

std::string repoFolderName(const std::string &repoId)
{
    return "models--" + QString::fromStdString(repoId).replace("/", "--").toStdString();
}

std::string hubRepoOfSnapshot(const std::string &dir)
{
    static const QRegularExpression snapshot(R"((?:^|/)models--([^/]+)/snapshots/[0-9a-f]{40}/?$)");
    const QRegularExpressionMatch m = snapshot.match(QString::fromStdString(dir));
    return m.hasMatch() ? m.captured(1).replace("--", "/").toStdString() : std::string();
}

std::string cachedSnapshot(const std::string &cacheDir, const std::string &repoId, const std::string &revision)
{
    const QDir repo(QString::fromStdString(cacheDir + "/" + repoFolderName(repoId)));
    QString commit = QString::fromStdString(revision);
    QFile ref(repo.filePath("refs/" + commit));
    if (ref.open(QIODevice::ReadOnly))
        commit = QString::fromUtf8(ref.read(64)).trimmed();
    static const QRegularExpression sha("^[0-9a-f]{40}$");
    if (!sha.match(commit).hasMatch())
        return {};
    const QString snapshot = repo.filePath("snapshots/" + commit);
    try {
        ModelFolder::locate(snapshot.toStdString());
    } catch (const Error &) {
        return {};
    }
    return snapshot.toStdString();
}

std::vector<CachedModel> cachedModels(const std::string &cacheDir)
{
    std::vector<CachedModel> models;
    const QDir cache(QString::fromStdString(cacheDir));
    for (const QString &repo : cache.entryList({"models--*"}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const std::string repoId = repo.mid(8).replace("--", "/").toStdString();
        const QDir snapshots(cache.filePath(repo + "/snapshots"));
        for (const QString &commit : snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const std::string dir = cachedSnapshot(cacheDir, repoId, commit.toStdString());
            if (dir.empty())
                continue;
            CachedModel m{repoId, commit.toStdString(), dir, 0};
            for (QDirIterator it(QString::fromStdString(dir), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
                m.bytes += QFileInfo(it.next()).size(); // follows the symlinks to the blobs
            models.push_back(std::move(m));
        }
    }
    return models;
}

} // namespace bertlens
