#include "hub/hub_options.h"

#include "hub/hub_cache.h"

#include <QByteArray>
#include <QString>

namespace bertlens {

namespace {

std::string proxyVariable(const char *lower)
{
    if (qEnvironmentVariableIsSet(lower))
        return qEnvironmentVariable(lower).toStdString();
    return qEnvironmentVariable(QByteArray(lower).toUpper().constData()).toStdString();
}

// A number of seconds from the environment; what is not a positive number keeps the default.
double secondsVariable(const char *name, double fallback)
{
    bool ok = false;
    const double value = qEnvironmentVariable(name).toDouble(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

ProxySettings ProxySettings::fromEnvironment()
{
    return {proxyVariable("https_proxy"), proxyVariable("http_proxy"), proxyVariable("all_proxy"), proxyVariable("no_proxy")};
}

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
    o.metadataTimeout = secondsVariable("HF_HUB_ETAG_TIMEOUT", o.metadataTimeout);
    o.downloadTimeout = secondsVariable("HF_HUB_DOWNLOAD_TIMEOUT", o.downloadTimeout);
    o.proxy = ProxySettings::fromEnvironment();
    return o;
}

std::string HubNotice::text() const
{
    const std::string place = " (" + std::to_string(index) + " of " + std::to_string(count) + ")";
    switch (kind) {
    case Kind::Checking: return "checking " + file + place;
    case Kind::Fetching: return file + place;
    case Kind::WaitingForLock: return "waiting: another process is downloading " + file + " of " + repo;
    case Kind::Retrying: break;
    }
    return reason + " from " + host + ": retrying in " + std::to_string(seconds) + " s (attempt " + std::to_string(attempt) + " of "
           + std::to_string(attempts) + (retryAfter ? ", as its Retry-After asks)" : ")");
}

} // namespace bertlens
