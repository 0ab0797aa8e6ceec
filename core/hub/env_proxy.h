#pragma once

#include "hub/hub_options.h"

#include <QNetworkProxyFactory>
#include <QUrl>

namespace bertlens {

// The proxy for `url` under `settings` (QNetworkProxy::NoProxy when it goes direct). no_proxy
// entries, comma-separated: "*" (everything), a host or domain ("example.com" also covers
// "a.example.com"; a leading "." is allowed), "host:port", or an IPv4 network "10.0.0.0/8".
// A proxy URL without a scheme is http://; socks5:// and socks5h:// give a SOCKS proxy.
QNetworkProxy proxyFor(const QUrl &url, const ProxySettings &settings);

class EnvProxyFactory : public QNetworkProxyFactory {
public:
    explicit EnvProxyFactory(ProxySettings settings) : m_settings(std::move(settings)) {}
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override { return {proxyFor(query.url(), m_settings)}; }

private:
    ProxySettings m_settings;
};

} // namespace bertlens
