#pragma once

#include "common/error.h"

#include <atomic>
#include <functional>
#include <memory>

namespace bertlens {

// Shared between the thread that asks for cancellation and the one doing the work.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void throwIfCancelled() const
    {
        if (isCancelled())
            throw Error(ErrorKind::Cancelled, "cancelled");
    }

private:
    std::atomic<bool> m_cancelled{false};
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

// done/total in whatever unit the caller counts (sentences, bytes); total < 0 when unknown.
using ProgressFn = std::function<void(long long done, long long total)>;

} // namespace bertlens
