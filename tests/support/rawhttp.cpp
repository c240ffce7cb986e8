#include "support/rawhttp.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace vingt::test {

namespace {

int remainingMs(const QDeadlineTimer &deadline)
{
    return int(qBound(qint64(0), deadline.remainingTime(), qint64(24 * 3600 * 1000)));
}

} // namespace

QString RawResponse::describe() const
{
    QString text = QString::fromUtf8(head + body);
    if (text.size() > 2000) {
        text = text.left(2000) + QStringLiteral("...");
    }
    return text;
}

RawHttpConnection::RawHttpConnection(const QString &host, quint16 port)
    : m_host(host)
    , m_port(port)
    , m_socket(std::make_unique<QTcpSocket>())
{}

RawHttpConnection::~RawHttpConnection() = default;

bool RawHttpConnection::connectToServer(int timeoutMs)
{
    m_socket->connectToHost(m_host, m_port);
    if (!m_socket->waitForConnected(timeoutMs)) {
        m_error = QStringLiteral("cannot connect to %1:%2: %3").arg(m_host).arg(m_port).arg(m_socket->errorString());
        return false;
    }
    return true;
}

bool RawHttpConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool RawHttpConnection::write(const QByteArray &bytes, int timeoutMs)
{
    if (m_socket->write(bytes) != bytes.size()) {
        m_error = QStringLiteral("write failed: %1").arg(m_socket->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket->bytesToWrite() > 0) {
        if (!m_socket->waitForBytesWritten(remainingMs(deadline))) {
            m_error = QStringLiteral("write failed: %1").arg(m_socket->errorString());
            return false;
        }
    }
    return true;
}

bool RawHttpConnection::fill(int timeoutMs)
{
    if (m_socket->bytesAvailable() > 0) {
        m_buffer += m_socket->readAll();
        return true;
    }
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        return false;
    }
    const bool ready = m_socket->waitForReadyRead(timeoutMs);
    const QByteArray bytes = m_socket->readAll();
    m_buffer += bytes;
    return ready || !bytes.isEmpty();
}

RawHttpConnection::Parse RawHttpConnection::tryParse(RawResponse &response, bool headRequest, bool closed)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        return closed ? Parse::Invalid : Parse::Incomplete;
    }
    response = RawResponse{};
    response.head = m_buffer.left(headEnd + 4);
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    const QList<QByteArray> statusParts = statusLine.split(' ');
    if (statusParts.size() < 2 || !statusParts.at(0).startsWith("HTTP/1.")) {
        m_error = QStringLiteral("not an HTTP status line: %1").arg(QString::fromLatin1(statusLine));
        return Parse::Invalid;
    }
    bool ok = false;
    response.status = statusParts.at(1).toInt(&ok);
    if (!ok) {
        m_error = QStringLiteral("bad status code in: %1").arg(QString::fromLatin1(statusLine));
        return Parse::Invalid;
    }
    response.reason = statusParts.mid(2).join(' ');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (response.headers.contains(name)) {
            response.headers[name] += ", " + value;
        } else {
            response.headers.insert(name, value);
        }
    }

    const qsizetype bodyStart = headEnd + 4;
    qsizetype consumed = bodyStart;
    const bool noBody = headRequest || response.status / 100 == 1 || response.status == 204 || response.status == 304;
    if (noBody) {
        // nothing to read
    } else if (response.header("transfer-encoding").toLower().contains("chunked")) {
        qsizetype pos = bodyStart;
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0) {
                return closed ? Parse::Invalid : Parse::Incomplete;
            }
            const QByteArray sizeText = m_buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed();
            const qsizetype size = sizeText.toLongLong(&ok, 16);
            if (!ok) {
                m_error = QStringLiteral("bad chunk size");
                return Parse::Invalid;
            }
            if (size == 0) {
                const qsizetype trailerEnd = m_buffer.indexOf("\r\n\r\n", lineEnd);
                const qsizetype directEnd = lineEnd + 2;
                if (m_buffer.mid(directEnd, 2) == "\r\n") {
                    consumed = directEnd + 2;
                } else if (trailerEnd >= 0) {
                    consumed = trailerEnd + 4;
                } else {
                    return closed ? Parse::Invalid : Parse::Incomplete;
                }
                break;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2) {
                return closed ? Parse::Invalid : Parse::Incomplete;
            }
            response.body += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    } else if (response.hasHeader("content-length")) {
        const qsizetype length = response.header("content-length").toLongLong(&ok);
        if (!ok || length < 0) {
            m_error = QStringLiteral("bad Content-Length");
            return Parse::Invalid;
        }
        if (m_buffer.size() < bodyStart + length) {
            return closed ? Parse::Invalid : Parse::Incomplete;
        }
        response.body = m_buffer.mid(bodyStart, length);
        consumed = bodyStart + length;
    } else {
        if (!closed) {
            return Parse::Incomplete;
        }
        response.body = m_buffer.mid(bodyStart);
        consumed = m_buffer.size();
    }
    m_buffer.remove(0, consumed);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        response.json = document;
    }
    return Parse::Complete;
}

std::optional<RawResponse> RawHttpConnection::readResponse(int timeoutMs, bool headRequest, bool keepInformational)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const bool closed = m_socket->state() != QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0;
        RawResponse response;
        const Parse parse = tryParse(response, headRequest, closed);
        if (parse == Parse::Complete) {
            if (response.status / 100 == 1 && !keepInformational) {
                continue;
            }
            return response;
        }
        if (parse == Parse::Invalid) {
            if (m_error.isEmpty() || closed) {
                m_error = QStringLiteral("the connection closed before a complete response; received: [%1]")
                              .arg(QString::fromUtf8(m_buffer.left(500)));
            }
            return std::nullopt;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("no complete response within %1 ms; received: [%2]")
                          .arg(timeoutMs)
                          .arg(QString::fromUtf8(m_buffer.left(500)));
            return std::nullopt;
        }
        fill(remainingMs(deadline));
    }
}

bool RawHttpConnection::waitForServerClose(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("the server kept the connection open for %1 ms").arg(timeoutMs);
            return false;
        }
        m_socket->waitForReadyRead(remainingMs(deadline));
        m_buffer += m_socket->readAll();
    }
    m_buffer += m_socket->readAll();
    return true;
}

std::optional<RawResponse> RawHttpConnection::exchange(const QByteArray &request, int timeoutMs)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState && !connectToServer(timeoutMs)) {
        return std::nullopt;
    }
    if (!write(request, timeoutMs)) {
        return std::nullopt;
    }
    return readResponse(timeoutMs, request.startsWith("HEAD "));
}

QByteArray RawHttpConnection::buildRequest(const QByteArray &method, const QByteArray &target, const Headers &headers,
                                           const QByteArray &body)
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool hasLength = false;
    for (const auto &header : headers) {
        request += header.first + ": " + header.second + "\r\n";
        hasLength = hasLength || header.first.compare("Content-Length", Qt::CaseInsensitive) == 0
                    || header.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasLength) {
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    request += "\r\n";
    request += body;
    return request;
}

} // namespace vingt::test
