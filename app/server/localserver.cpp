#include "server/localserver.h"

#include "services/instance.h"

namespace vingt {

using namespace Qt::StringLiterals;

LocalServer::LocalServer(Instance &instance) : m_instance(instance), m_handler(instance) {}

LocalServer::~LocalServer()
{
    stop();
}

Result<quint16> LocalServer::start(const http::ServerConfig &config)
{
    stop();
    if (m_server) {
        m_requestsBefore += m_server->requestCount();
        m_server.reset();
    }
    http::ServerConfig effective = config;
    effective.readTimeoutMs = m_instance.settings().httpReadTimeoutMs();
    effective.idleTimeoutMs = m_instance.settings().httpIdleTimeoutMs();
    auto server = std::make_unique<http::HttpServer>(effective, m_handler);
    auto started = server->start();
    if (!started)
        return started.error();
    m_server = std::move(server);
    m_running = true;
    return started.value();
}

void LocalServer::stop()
{
    if (m_server && m_running)
        m_server->stop();
    m_running = false;
}

QString LocalServer::host() const
{
    return m_server ? m_server->host() : QString();
}

quint16 LocalServer::port() const
{
    return m_server && m_running ? m_server->port() : 0;
}

QString LocalServer::url() const
{
    if (!m_running)
        return {};
    const QString bound = host();
    const QString shown = bound.contains(u':') ? u"[%1]"_s.arg(bound) : bound;
    return u"http://%1:%2/"_s.arg(shown).arg(port());
}

quint64 LocalServer::requestCount() const
{
    return m_requestsBefore + (m_server ? m_server->requestCount() : 0);
}

bool LocalServer::isLoopback(const QString &host)
{
    return host.startsWith("127."_L1) || host == "::1"_L1 || host == "localhost"_L1;
}

} // namespace vingt
