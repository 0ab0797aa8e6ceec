#pragma once

#include "common/cancel.h"
#include "hub/hub_options.h"

#include <QByteArray>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <functional>
#include <string>

class QFile;

namespace bertlens {

struct HttpResponse {
    int status = 0;
    QByteArray reason;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    bool stalled = false;
    QUrl url;      // that answered (after the redirects followed)
    QUrl location; // of a redirect not followed
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    bool ok() const { return error == QNetworkReply::NoError && status >= 200 && status < 300; }
};

struct HttpRequest {
    QByteArray verb = "GET"; // GET or HEAD
    QUrl url;
    qint64 from = 0;        // a Range request from this byte
    QFile *sink = nullptr;  // where a 200/206 body goes as it arrives (else into the response, bounded)
    std::function<void(qint64)> received; // bytes written to the sink
};

// HTTP for the Hub client: synchronous on a private event loop, so that the caller (a worker
// thread or the CLI) stays simple; one connection kept alive per host; proxies from the
// environment; cancellation and stalls abort the transfer.
class HttpClient {
public:
    enum class Follow {
        All,      // every redirect (a file's bytes, wherever they are)
        SameHost, // relative ones only (a renamed repository), as huggingface_hub's HEAD: a redirect
                  // to another host (the CDN of a large file) is the answer, its Location kept
    };

    HttpClient(const HubOptions &options, const CancelToken *cancel, NoticeFn notice);

    // The request after its redirects and retries (429 and 5xx with their Retry-After, dropped and
    // stalled connections; bounded by HubOptions). Redirect loops, too many hops and schemes other
    // than http(s) throw. A body with a sink is not retried here: the caller resumes it.
    HttpResponse request(HttpRequest request, Follow follow);

    // Whether a failed answer is worth asking again, and if so waits for it (announcing the wait);
    // false when the attempts or the waiting budget are spent. attempt counts from 1.
    bool retryAfter(const HttpResponse &r, int attempt, const QUrl &url);

    // A failure as the user needs to read it: the request, what the server (or the socket) said, the
    // retries made, and what to do.
    [[noreturn]] void fail(const QByteArray &verb, const QUrl &url, const HttpResponse &r) const;

private:
    HttpResponse exchange(const HttpRequest &request);
    bool sameHost(const QUrl &a, const QUrl &b) const;

    const HubOptions &m_options;
    const CancelToken *m_cancel;
    NoticeFn m_notice;
    QUrl m_endpoint;
    QNetworkAccessManager m_network;
    double m_waited = 0;   // seconds spent waiting to retry, in all
    int m_retries = 0;     // retries made, in all
};

} // namespace bertlens
