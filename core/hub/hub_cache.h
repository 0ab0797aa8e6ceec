#pragma once

#include <string>
#include <vector>

namespace bertlens {

// The Hugging Face cache exactly as huggingface_hub lays it out, so that Python tools and
// BertLens share one copy of every model:
//   <cache>/models--ORG--NAME/blobs/<etag>                 the files' bytes
//   <cache>/models--ORG--NAME/snapshots/<commit>/<file>    relative symlinks to the blobs
//   <cache>/models--ORG--NAME/refs/<revision>              the commit a branch or tag points to
// <cache> is $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.
std::string hubCacheDir();

// Whether `text` reads as a Hub model id: NAME or ORG/NAME of letters, digits, '-', '_', '.'
// (no "..", no leading '.' or '-'), as opposed to a path.
bool isHubModelId(const std::string &text);

// "models--ORG--NAME".
std::string repoFolderName(const std::string &repoId);

// "ORG/NAME" when `dir` is a snapshot folder of a Hub cache (…/models--ORG--NAME/snapshots/<commit>),
// else empty: models are named by their id, not their commit.
std::string hubRepoOfSnapshot(const std::string &dir);

// The snapshot folder of `repoId` at `revision` (a branch, tag or commit) in `cacheDir`, when it
// holds a loadable model (config, vocabulary or tokenizer.json, weights); empty otherwise.
std::string cachedSnapshot(const std::string &cacheDir, const std::string &repoId, const std::string &revision);

struct CachedModel {
    std::string repoId;
    std::string commit;
    std::string snapshotDir;
    long long bytes = 0; // of the snapshot's files
};
// Every loadable snapshot in the cache, for the window's model list.
std::vector<CachedModel> cachedModels(const std::string &cacheDir);

} // namespace bertlens
