#include "support/webhookreceiver.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>

namespace vingt::test {

using namespace Qt::StringLiterals;

QJsonObject ReceivedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool ReceivedRequest::signedWith(const QByteArray &secret) const
{
    const QByteArray expected = QMessageAuthenticationCode::hash(header("x-twenty-webhook-timestamp") + ":" + body,
                                                                 secret, QCryptographicHash::Sha256)
                                    .toHex();
    return !header("x-twenty-webhook-signature").isEmpty() && header("x-twenty-webhook-signature") == expected;
}

WebhookReceiver::WebhookReceiver()
{
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool WebhookReceiver::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QString WebhookReceiver::url(const QString &path) const
{
    return u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path);
}

QList<ReceivedRequest> WebhookReceiver::at(const QString &path) const
{
    QList<ReceivedRequest> list;
    for (const ReceivedRequest &r : m_received) {
        if (r.path == path.toLatin1())
            list << r;
    }
    return list;
}

void WebhookReceiver::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        ReceivedRequest r;
        r.path = lines.value(0).split(' ').value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_received << r;
        respond(socket, r.path);
    }
}

void WebhookReceiver::respond(QTcpSocket *socket, const QByteArray &path)
{
    Mode mode = m_modes.value(path, Mode::Ok);
    if (int &left = m_failuresLeft[path]; left > 0) {
        --left;
        mode = Mode::Error500;
    }
    switch (mode) {
    case Mode::Ok: socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Receiver: yes\r\n\r\nok"); return;
    case Mode::Error500: socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\nboom"); return;
    case Mode::Redirect:
        socket->write("HTTP/1.1 302 Found\r\nLocation: " + url(u"/elsewhere"_s).toLatin1()
                      + "\r\nContent-Length: 0\r\n\r\n");
        return;
    case Mode::Hang: return; // never answers: the sender must time out
    }
}

} // namespace vingt::test
