#pragma once

#include "core/result.h"
#include "rest/apihandler.h"
#include "server/httpserver.h"

#include <QString>

#include <memory>

namespace vingt {

class Instance;

/// @brief The API server of one instance on one address: the ApiHandler behind the Beast transport. `vingt serve`
/// and the desktop app both run it, so the served API is the same code in both.
/// Thread rule: start(), stop() from one controlling thread; the getters from any thread.
class LocalServer
{
public:
    explicit LocalServer(Instance &instance);
    ~LocalServer();
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    /// Starts listening (restarting when already running); returns the real port. The read and idle timeouts come
    /// from the instance settings (`http.readTimeoutMs`, `http.idleTimeoutMs`), not from `config`.
    [[nodiscard]] Result<quint16> start(const http::ServerConfig &config);
    /// Graceful and idempotent (HttpServer::stop).
    void stop();

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QString host() const;
    [[nodiscard]] quint16 port() const;
    /// `http://HOST:PORT/` (IPv6 hosts in brackets); empty when stopped.
    [[nodiscard]] QString url() const;
    [[nodiscard]] quint64 requestCount() const;

    /// True for 127.x.x.x, ::1 and localhost: addresses other machines cannot reach.
    [[nodiscard]] static bool isLoopback(const QString &host);

private:
    Instance &m_instance;
    rest::ApiHandler m_handler;
    std::unique_ptr<http::HttpServer> m_server;
    quint64 m_requestsBefore = 0; ///< answered by earlier runs (requestCount stays monotonic across restarts)
    bool m_running = false;
};

} // namespace vingt
