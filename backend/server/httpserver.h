#pragma once

#include "core/result.h"
#include "server/handler.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace vingt::http {

/// @brief How the transport listens and what it accepts (DECISIONS "HTTP").
struct ServerConfig {
    QString host = QStringLiteral("127.0.0.1"); ///< an IP address literal, or "localhost"
    quint16 port = 3000;                        ///< 0 = pick a free port
    int threads = 0;                            ///< I/O threads; 0 = 2 x QThread::idealThreadCount()
    qint64 bodyLimit = 10 * 1024 * 1024;        ///< larger request bodies get 413
    qint64 headerLimit = 16 * 1024;             ///< larger request heads get 431
    int readTimeoutMs = 30000;                  ///< a request must be read within this, from its first byte
    int idleTimeoutMs = 60000;                  ///< a keep-alive connection may wait this long for its next request
};

/// @brief The HTTP/1.1 transport: Boost.Beast behind Vingt's Request/Response types (QT-NOTES, DECISIONS "HTTP").
///
/// One acceptor thread hands each accepted connection round-robin to one of N single-threaded I/O contexts, each
/// run by its own thread. A connection stays on its thread; the Handler runs synchronously on it, so a Handler must
/// be thread-safe and keep per-thread state (database connections) per thread. The transport answers by itself:
/// malformed requests (400), oversized heads (431) and bodies (413), CORS preflights, `Expect: 100-continue`, HEAD.
/// start() and stop() are called from a controlling thread, never from a Handler (stop() joins the I/O threads);
/// port(), host() and requestCount() from any thread.
class HttpServer
{
public:
    HttpServer(ServerConfig config, Handler &handler);
    ~HttpServer(); ///< calls stop()

    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    /// Binds, listens and starts the threads; returns the real port (the current one if already running).
    /// Fails with a message naming host and port, e.g. "Port 3000 on 127.0.0.1 is already in use".
    [[nodiscard]] Result<quint16> start();
    /// Graceful and idempotent: stops accepting, closes idle connections, lets requests already being read or
    /// handled finish and writes their responses (with `Connection: close`), then joins the threads. Waits at
    /// most ~10 s for in-flight work before abandoning it.
    void stop();

    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString host() const;
    /// Total requests answered since construction (any status), for status displays.
    [[nodiscard]] quint64 requestCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The request target as it may be logged: the value of every query parameter whose name ends in "token"
/// (case-insensitive: `token`, `access_token`, `apiToken`) replaced by `***` (DECISIONS "HTTP", access log).
[[nodiscard]] QByteArray redactTarget(QByteArray target);

} // namespace vingt::http
