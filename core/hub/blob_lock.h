#pragma once

#include "common/cancel.h"

#include <functional>
#include <string>

namespace bertlens {

// An exclusive lock on one blob of the cache, shared with every process that downloads into it —
// other BertLens windows, the CLI, and huggingface_hub itself, which locks the same file
// (<cache>/.locks/models--ORG--NAME/<etag>.lock) with flock. The kernel drops it when its holder
// dies, so a killed download never blocks the next one.
class BlobLock {
public:
    // Waits (checking `cancel`) until the lock is free; `waiting` is called once if it is not.
    BlobLock(const std::string &path, const CancelToken *cancel, const std::function<void()> &waiting);
    ~BlobLock();
    BlobLock(const BlobLock &) = delete;
    BlobLock &operator=(const BlobLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace bertlens
