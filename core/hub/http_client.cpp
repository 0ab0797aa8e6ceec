#include "hub/http_client.h"

#include "common/error.h"
#include "hub/env_proxy.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkProxy>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <set>

namespace bertlens {

namespace {

constexpr qint64 kMaxBodyBytes = 16 << 20; // an answer read into memory (the API's JSON, an error page)
constexpr int kMaxRedirects = 10;
constexpr double kMaxBackoff = 8;          // seconds, as huggingface_hub's http_backoff

// 429, the 5xx a busy server sends, and a connection that failed, dropped or stalled (also in the
// middle of a body).
bool retryable(const HttpResponse &r)
{
    if (r.status >= 400)
        return r.status == 429 || r.status == 500 || r.status == 502 || r.status == 503 || r.status == 504;
    return r.error != QNetworkReply::NoError && r.error != QNetworkReply::OperationCanceledError;
}

// Retry-After as seconds or an HTTP date; negative when absent or unreadable.
double retryAfterSeconds(const QByteArray &value)
{
    bool ok = false;
    const double seconds = value.trimmed().toDouble(&ok);
    if (ok)
        return std::max(0.0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return when.isValid() ? std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)) : -1;
}

std::string describe(const HttpResponse &r)
{
    if (r.status > 0)
        return "HTTP " + std::to_string(r.status) + (r.reason.isEmpty() ? "" : " " + r.reason.toStdString());
    return r.errorText.toStdString();
}

} // namespace

HttpClient::HttpClient(const HubOptions &options, const CancelToken *cancel, NoticeFn notice)
    : m_options(options), m_cancel(cancel), m_notice(std::move(notice)), m_endpoint(QString::fromStdString(options.endpoint))
{
    m_network.setProxyFactory(new EnvProxyFactory(options.proxy)); // owned by the manager
    m_network.setAutoDeleteReplies(false);
}

bool HttpClient::sameHost(const QUrl &a, const QUrl &b) const
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == "https" ? 443 : 80) == b.port(b.scheme() == "https" ? 443 : 80);
}

HttpResponse HttpClient::exchange(const HttpRequest &in)
{
    QNetworkRequest request(in.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("User-Agent", "bertlens");
    // A file's bytes as they are stored (its size and sha256 are of those); the API's JSON may come
    // compressed, which Qt undoes when it asked for it itself.
    if (in.verb == "HEAD" || in.sink)
        request.setRawHeader("Accept-Encoding", "identity");
    if (!m_options.token.empty() && sameHost(in.url, m_endpoint))
        request.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(m_options.token));
    if (in.from > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(in.from) + "-");
    QNetworkReply *reply = in.verb == "HEAD" ? m_network.head(request) : m_network.get(request);

    HttpResponse r;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    qint64 lastActivity = 0;
    bool overflow = false, restarted = false;
    const double timeout = in.sink ? m_options.downloadTimeout : m_options.metadataTimeout;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, [&] { lastActivity = clock.elapsed(); });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        lastActivity = clock.elapsed();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (in.sink && (status == 200 || status == 206)) {
            if (status == 200 && in.from > 0 && !restarted) { // the server ignored the Range: the whole file comes
                restarted = true;
                in.sink->resize(0);
                if (in.received)
                    in.received(-in.from);
            }
            if (in.sink->write(data) != data.size()) {
                r.errorText = in.sink->fileName() + ": " + in.sink->errorString();
                reply->abort();
            } else if (in.received) {
                in.received(data.size());
            }
        } else if (r.body.size() + data.size() <= kMaxBodyBytes) {
            r.body += data;
        } else {
            overflow = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
        if (m_cancel && m_cancel->isCancelled()) {
            reply->abort();
        } else if (clock.elapsed() - lastActivity > qint64(timeout * 1000)) {
            r.stalled = true;
            reply->abort();
        }
    });
    watch.start(50);
    if (!reply->isFinished())
        loop.exec();
    const std::unique_ptr<QNetworkReply> owned(reply);
    if (m_cancel)
        m_cancel->throwIfCancelled();
    if (overflow)
        throw Error(ErrorKind::Io, in.verb.toStdString() + " " + in.url.toString().toStdString() + ": an answer larger than "
                                       + std::to_string(kMaxBodyBytes >> 20) + " MiB where a short one was expected");
    r.url = in.url;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    r.error = reply->error();
    if (r.stalled) {
        r.status = 0;
        r.error = QNetworkReply::TimeoutError;
        r.errorText = QString("no data for %1 s (raise %2 for a slow connection)")
                          .arg(timeout)
                          .arg(in.sink ? "HF_HUB_DOWNLOAD_TIMEOUT" : "HF_HUB_ETAG_TIMEOUT");
    } else if (r.errorText.isEmpty()) {
        r.errorText = reply->errorString();
        const QNetworkProxy proxy = proxyFor(in.url, m_options.proxy);
        if (r.status == 0 && proxy.type() != QNetworkProxy::NoProxy)
            r.errorText += QString(" (through the proxy %1:%2)").arg(proxy.hostName()).arg(proxy.port());
    }
    // A 4xx/5xx is an answer, not a socket error: the status says what happened.
    if (r.status >= 400)
        r.error = QNetworkReply::NoError;
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    if (r.status >= 300 && r.status < 400 && reply->hasRawHeader("Location"))
        r.location = in.url.resolved(QUrl::fromEncoded(reply->rawHeader("Location").trimmed()));
    return r;
}

bool HttpClient::retryAfter(const HttpResponse &r, int attempt, const QUrl &url)
{
    if (!retryable(r) || attempt > m_options.maxRetries)
        return false;
    const double asked = retryAfterSeconds(r.header("Retry-After"));
    const double wait = asked >= 0 ? asked : std::min(kMaxBackoff, std::pow(2.0, attempt - 1));
    if (m_waited + wait > m_options.maxRetryWait)
        return false;
    if (m_notice) {
        HubNotice n;
        n.kind = HubNotice::Kind::Retrying;
        n.reason = describe(r);
        n.host = url.host().toStdString();
        n.seconds = int(std::ceil(wait));
        n.attempt = attempt + 1;
        n.attempts = m_options.maxRetries + 1;
        n.retryAfter = asked >= 0;
        m_notice(n);
    }
    QElapsedTimer slept;
    slept.start();
    while (slept.elapsed() < qint64(wait * 1000)) {
        if (m_cancel)
            m_cancel->throwIfCancelled();
        QThread::msleep(50);
    }
    m_waited += wait;
    ++m_retries;
    return true;
}

HttpResponse HttpClient::request(HttpRequest request, Follow follow)
{
    std::vector<QUrl> visited = {request.url};
    for (int attempt = 1;;) {
        HttpResponse r = exchange(request);
        if (r.status >= 300 && r.status < 400 && r.location.isValid() && !r.location.isEmpty()) {
            if (r.location.scheme() != "http" && r.location.scheme() != "https")
                throw Error(ErrorKind::Io, request.verb.toStdString() + " " + request.url.toString().toStdString() + ": redirected to "
                                               + r.location.toString().toStdString() + ", which is not an http(s) address; refused");
            if (follow == Follow::SameHost && !sameHost(r.location, request.url))
                return r;
            if (std::find(visited.begin(), visited.end(), r.location) != visited.end() || visited.size() > kMaxRedirects) {
                std::string chain;
                for (const QUrl &u : visited)
                    chain += u.toString().toStdString() + " → ";
                throw Error(ErrorKind::Io, request.verb.toStdString() + " " + visited.front().toString().toStdString() + ": "
                                               + (visited.size() > kMaxRedirects ? "more than " + std::to_string(kMaxRedirects) + " redirects: "
                                                                                 : "a redirect loop: ")
                                               + chain + r.location.toString().toStdString()
                                               + ". The server (or HF_ENDPOINT's mirror) is misconfigured");
            }
            visited.push_back(r.location);
            request.url = r.location;
            continue;
        }
        if (r.ok() || request.sink || !retryAfter(r, attempt++, request.url))
            return r;
    }
}

void HttpClient::fail(const QByteArray &verb, const QUrl &url, const HttpResponse &r) const
{
    std::string message = verb.toStdString() + " " + url.toString().toStdString() + ": " + describe(r);
    switch (r.status) {
    case 401:
    case 403:
        message += m_options.token.empty() ? " (a gated or private model: set HF_TOKEN to an access token that may read it)"
                                           : " (HF_TOKEN may not read this model; accept its conditions on its page)";
        break;
    case 404: message += " (no such model, revision or file)"; break;
    case 429:
        message += " (the server limits how often it is asked: wait a few minutes and try again"
                   + std::string(m_options.token.empty() ? "; with HF_TOKEN set, the Hub allows more" : "") + ")";
        break;
    default:
        if (r.status >= 500)
            message += " (the server failed: try again later, or another HF_ENDPOINT)";
        break;
    }
    if (!r.header("Retry-After").isEmpty())
        message += "; it asked to wait " + r.header("Retry-After").toStdString() + " s";
    if (m_retries > 0)
        message += "; after " + std::to_string(m_retries) + " retries over " + std::to_string(int(m_waited)) + " s";
    throw Error(ErrorKind::Io, message);
}

} // namespace bertlens
