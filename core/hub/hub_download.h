#pragma once

#include "common/cancel.h"
#include "hub/hub_options.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace bertlens {

// Downloads what a BERT-family model needs from `repoId` at `revision` (config, vocabulary and
// tokenizer files, the weights — safetensors when present, else the .bin, shards included — and
// sentence-transformers' module files) into the cache, and returns the snapshot folder. Files
// already in the cache are not fetched again; an interrupted file resumes from its
// `.incomplete` blob (HTTP Range); a large file's sha256 (its X-Linked-Etag) is checked and a
// mismatch deletes the blob. Errors name the URL and the HTTP status or the socket error; a
// model is never left looking complete when it is not. Processes downloading the same model share
// the cache: one downloads each blob (BlobLock), the others wait for it. `progress` counts bytes;
// `notice` says which file is fetched, a retry and what it waits for, a wait for another process.
std::string downloadModel(const std::string &repoId, const std::string &revision, const HubOptions &options,
                          const CancelToken *cancel = nullptr, const ProgressFn &progress = {}, const NoticeFn &notice = {});

// What every `--model` and the window's Open accept: an existing folder as it is; otherwise a Hub
// id, from the cache when it is there (no request is made), else downloaded (unless offline).
std::string resolveModelDir(const std::string &dirOrId, const HubOptions &options, const CancelToken *cancel = nullptr,
                            const ProgressFn &progress = {}, const std::string &revision = "main", const NoticeFn &notice = {});

// Whether an ETag (quotes and W/ removed) can name a blob file: letters, digits, '_', '.', '-',
// not starting with '.' or '-' (so never "." or ".."), at most 128 characters.
bool isUsableEtag(const QString &etag);

// The Hub's answer to GET {endpoint}/api/models/{repo}/revision/{rev}: the commit and the
// repository's file names. An answer without a commit is an error naming `url`.
struct RepoInfo {
    std::string commit;
    std::vector<std::string> siblings;
};
RepoInfo parseRepoInfo(const QByteArray &json, const std::string &url);

// The files of a repository (its "siblings") that a BERT-family model needs.
std::vector<std::string> filesToFetch(const std::vector<std::string> &siblings);

} // namespace bertlens
