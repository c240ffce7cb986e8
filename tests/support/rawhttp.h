#pragma once

#include "support/httpclient.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

class QTcpSocket;

namespace vingt::test {

/// @brief An HTTP/1.1 response read off a raw socket.
struct RawResponse {
    int status = 0;
    QByteArray reason;
    QMap<QByteArray, QByteArray> headers; ///< lower-case names; repeated headers joined with ", "
    QByteArray body;
    QJsonDocument json; ///< null when the body is not JSON
    QByteArray head;    ///< the status line and headers as received

    [[nodiscard]] QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    [[nodiscard]] bool hasHeader(const QByteArray &lowerCaseName) const { return headers.contains(lowerCaseName); }
    [[nodiscard]] QString describe() const;
};

/// @brief One blocking TCP connection speaking raw HTTP/1.1, for what QNetworkAccessManager cannot do: exact bytes,
/// no Content-Type, huge declared lengths, malformed requests, keep-alive checks, and concurrency from plain threads.
///
/// Thread rule: create, use and destroy a connection in one thread (any thread; no event loop is needed).
class RawHttpConnection
{
public:
    RawHttpConnection(const QString &host, quint16 port);
    ~RawHttpConnection();

    RawHttpConnection(const RawHttpConnection &) = delete;
    RawHttpConnection &operator=(const RawHttpConnection &) = delete;

    [[nodiscard]] bool connectToServer(int timeoutMs = 10000);
    [[nodiscard]] bool isConnected() const;
    /// Writes all bytes; false when the connection broke.
    [[nodiscard]] bool write(const QByteArray &bytes, int timeoutMs = 30000);
    /// Reads one complete response. 1xx interim responses are skipped unless `keepInformational`. For a response to
    /// HEAD pass `headRequest`, which means "no body follows, whatever Content-Length says".
    [[nodiscard]] std::optional<RawResponse> readResponse(int timeoutMs = 30000, bool headRequest = false,
                                                          bool keepInformational = false);
    /// Waits until the server closes the connection; false when it stays open that long or sends more bytes.
    [[nodiscard]] bool waitForServerClose(int timeoutMs = 30000);
    /// True when bytes are already buffered (received but not consumed by readResponse()).
    [[nodiscard]] bool hasBufferedBytes() const { return !m_buffer.isEmpty(); }
    /// Writes a request and reads its response.
    [[nodiscard]] std::optional<RawResponse> exchange(const QByteArray &request, int timeoutMs = 30000);

    [[nodiscard]] QString errorString() const { return m_error; }

    /// An HTTP/1.1 request with Host and, when `body` is non-empty, Content-Length. Headers are sent as given.
    [[nodiscard]] static QByteArray buildRequest(const QByteArray &method, const QByteArray &target,
                                                 const Headers &headers = {}, const QByteArray &body = {});

private:
    enum class Parse { Incomplete, Complete, Invalid };
    [[nodiscard]] Parse tryParse(RawResponse &response, bool headRequest, bool closed);
    bool fill(int timeoutMs);

    QString m_host;
    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace vingt::test
