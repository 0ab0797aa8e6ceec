#include "hub/env_proxy.h"

#include <QHostAddress>
#include <QStringList>

namespace bertlens {

namespace {

bool bypassed(const QUrl &url, const QString &noProxy)
{
    const QString host = url.host().toLower();
    const QHostAddress address(host);
    for (QString entry : noProxy.split(',', Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == "*")
            return true;
        if (entry.contains('/')) {
            if (!address.isNull() && address.isInSubnet(QHostAddress::parseSubnet(entry)))
                return true;
            continue;
        }
        int port = -1;
        const int colon = entry.lastIndexOf(':');
        if (colon > 0 && !entry.contains("::")) {
            port = entry.mid(colon + 1).toInt();
            entry = entry.left(colon);
        }
        while (entry.startsWith('.'))
            entry.remove(0, 1);
        if (entry.isEmpty() || (port >= 0 && port != url.port(url.scheme() == "https" ? 443 : 80)))
            continue;
        if (host == entry || host.endsWith("." + entry))
            return true;
    }
    return false;
}

} // namespace

QNetworkProxy proxyFor(const QUrl &url, const ProxySettings &settings)
{
    const std::string &chosen = url.scheme() == "https" ? settings.https : settings.http;
    const QString spec = QString::fromStdString(chosen.empty() ? settings.all : chosen).trimmed();
    if (spec.isEmpty() || bypassed(url, QString::fromStdString(settings.noProxy)))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl proxy = QUrl::fromUserInput(spec.contains("://") ? spec : "http://" + spec);
    const bool socks = proxy.scheme().startsWith("socks");
    return QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxy.host(),
                         quint16(proxy.port(socks ? 1080 : 80)), proxy.userName(), proxy.password());
}

} // namespace bertlens
