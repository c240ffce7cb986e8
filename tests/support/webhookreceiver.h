#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

namespace vingt::test {

/// @brief One request a WebhookReceiver got.
struct ReceivedRequest {
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray &name) const { return headers.value(name); }
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] QString deliveryId() const { return QString::fromLatin1(header("x-vingt-delivery-id")); }
    /// Whether X-Twenty-Webhook-Signature is hex(hmac_sha256(secret, timestamp + ":" + body)), checked the way a
    /// receiver checks it (API-CONTRACT §10.3).
    [[nodiscard]] bool signedWith(const QByteArray &secret) const;
};

/// @brief A small HTTP/1.1 webhook receiver on 127.0.0.1 for the end-to-end tests: answers each path as told
/// (200, 500, a redirect, or never), records every request. Runs on the test's event loop (QTRY_* and HttpClient's
/// waits drive it).
class WebhookReceiver : public QObject
{
public:
    enum class Mode { Ok, Error500, Redirect, Hang };

    WebhookReceiver();
    bool listen(quint16 port = 0);
    void close() { m_server.close(); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QString url(const QString &path) const;

    void setMode(const QString &path, Mode mode) { m_modes.insert(path.toLatin1(), mode); }
    /// Fails the first `times` requests of `path` with 500, then answers 200.
    void failFirst(const QString &path, int times) { m_failuresLeft.insert(path.toLatin1(), times); }

    /// The requests of `path`, in arrival order.
    [[nodiscard]] QList<ReceivedRequest> at(const QString &path) const;

private:
    void read(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &path);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, Mode> m_modes;
    QHash<QByteArray, int> m_failuresLeft;
    QList<ReceivedRequest> m_received;
};

} // namespace vingt::test
