#pragma once

#include <functional>
#include <string>

namespace bertlens {

// What a download is doing, for a status line: which file, a retry and what it waits for, a wait for
// another process. Structured, so that the window words it in its own language; text() is the
// English line the CLI prints.
struct HubNotice {
    enum class Kind { Checking, Fetching, WaitingForLock, Retrying } kind = Kind::Fetching;
    std::string file, repo;   // the file (and, waiting for a lock, the model)
    int index = 0, count = 0; // the file's place among the model's files (1-based)
    std::string reason, host; // a retry: why ("HTTP 503 Service Unavailable"), and from where
    int seconds = 0, attempt = 0, attempts = 0;
    bool retryAfter = false; // the wait is the server's Retry-After
    std::string text() const;
};
using NoticeFn = std::function<void(const HubNotice &)>;

// The proxies of the environment, as huggingface_hub's HTTP library (requests) reads them:
// https_proxy for https URLs, http_proxy for http URLs, all_proxy for either; the lower-case name
// wins over the upper-case one; no_proxy lists hosts that go direct.
struct ProxySettings {
    std::string https, http, all, noProxy;
    static ProxySettings fromEnvironment();
};

// Where models come from and what the user allows, as huggingface_hub reads its environment.
struct HubOptions {
    std::string endpoint = "https://huggingface.co"; // $HF_ENDPOINT (mirrors; may carry a path prefix)
    std::string token;                               // $HF_TOKEN, for gated and private models
    bool offline = false;                            // $HF_HUB_OFFLINE=1: the cache only
    std::string cacheDir;                            // hubCacheDir()
    // Seconds without a byte before a request is given up (and retried): huggingface_hub's
    // HF_HUB_ETAG_TIMEOUT for the metadata (the API and HEAD), HF_HUB_DOWNLOAD_TIMEOUT for files.
    double metadataTimeout = 10;
    double downloadTimeout = 10;
    // Bounds on retrying a 429, a 5xx, a dropped or stalled connection: the attempts per request
    // and the total seconds spent waiting between them.
    int maxRetries = 5;
    double maxRetryWait = 120;
    ProxySettings proxy;
    static HubOptions fromEnvironment();
};

} // namespace bertlens
