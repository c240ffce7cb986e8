// Transport tests over raw sockets: every protocol behaviour of HttpServer, byte for byte (DECISIONS "HTTP").
#include "server/httpserver.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <latch>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vingt::http;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 10000; // upper bound for any single socket wait; tests never depend on it being reached
constexpr qint64 kMiB = 1024 * 1024;

// --- access log capture ----------------------------------------------------------------------------------------------

QMutex g_logMutex;
QList<QString> g_accessLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "vingt.access") == 0) {
        QMutexLocker lock(&g_logMutex);
        g_accessLines.append(message);
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QList<QString> accessLines()
{
    QMutexLocker lock(&g_logMutex);
    return g_accessLines;
}

void clearAccessLines()
{
    QMutexLocker lock(&g_logMutex);
    g_accessLines.clear();
}

// --- a blocking HTTP client over a POSIX socket ----------------------------------------------------------------------

struct Reply {
    int status = 0;
    QByteArray statusLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    [[nodiscard]] bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

/// Talks HTTP by hand so the tests see exactly what the server writes (and when it closes).
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~Client()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    [[nodiscard]] bool isConnected() const { return m_fd >= 0; }

    [[nodiscard]] quint16 localPort() const
    {
        sockaddr_in address{};
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        return ntohs(address.sin_port);
    }

    /// Sends everything; false if the peer refused (reset, closed).
    bool send(const QByteArray &bytes)
    {
        qsizetype sent = 0;
        while (sent < bytes.size()) {
            pollfd p{m_fd, POLLOUT, 0};
            if (::poll(&p, 1, kWaitMs) <= 0)
                return false;
            const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    /// Reads one response. `head`: the request was HEAD, so no body follows whatever Content-Length says.
    std::optional<Reply> read(bool head = false)
    {
        qsizetype end;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill())
                return std::nullopt;
        }
        Reply reply;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        reply.statusLine = lines.value(0).trimmed();
        reply.status = reply.statusLine.split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                reply.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const bool noBody = head || reply.status < 200 || reply.status == 204 || reply.status == 304;
        const qsizetype length = noBody ? 0 : reply.header("Content-Length").toLongLong();
        while (m_buffer.size() < length) {
            if (!fill())
                return std::nullopt;
        }
        reply.body = m_buffer.left(length);
        m_buffer.remove(0, length);
        return reply;
    }

    /// True once the server has closed the connection (EOF or reset) with nothing else unread.
    bool waitForClose()
    {
        if (!m_buffer.isEmpty())
            return false;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, kWaitMs) <= 0)
            return false;
        char byte;
        const ssize_t n = ::recv(m_fd, &byte, 1, 0);
        if (n > 0)
            m_buffer.append(byte);
        return n == 0 || (n < 0 && errno == ECONNRESET);
    }

    [[nodiscard]] QByteArray unread() const { return m_buffer; }

private:
    bool fill()
    {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, kWaitMs) <= 0)
            return false;
        char chunk[16 * 1024];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, n);
        return true;
    }

    int m_fd = -1;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\n\r\n" + body;
}

QByteArray errorBody(int status, const char *name, const char *message)
{
    return "{\"statusCode\":" + QByteArray::number(status) + ",\"error\":\"" + name + "\",\"messages\":[\"" + message
           + "\"]}";
}

// --- the application side --------------------------------------------------------------------------------------------

/// Echoes what it received; a few paths trigger special behaviour.
class TestHandler : public Handler
{
public:
    std::atomic<int> prechecks{0};
    std::atomic<int> handled{0};
    std::atomic<bool> precheckSawBody{false};
    std::atomic<bool> slowEntered{false};
    std::atomic<bool> slowFinished{false};

    std::optional<Response> precheck(const Request &request) override
    {
        ++prechecks;
        if (!request.body.isEmpty())
            precheckSawBody = true;
        if (request.path == "/precheck-throw")
            throw std::runtime_error("precheck boom");
        if (request.path.startsWith("/nope"))
            return errorResponse(404, "NotFoundException", QStringLiteral("Cannot %1").arg(request.path));
        return std::nullopt;
    }

    Response handle(const Request &request) override
    {
        ++handled;
        if (request.path == "/throw")
            throw std::runtime_error("boom");
        if (request.path == "/throw-int")
            throw 42;
        if (request.path == "/slow") {
            slowEntered = true;
            std::this_thread::sleep_for(500ms); // a slow handler; the test itself waits on conditions
            slowFinished = true;
        }
        Response response;
        response.contentType = "text/plain";
        if (request.path == "/big") {
            response.body = QByteArray(8 * kMiB, 'x');
            return response;
        }
        if (request.path == "/nocontent") {
            response.status = 204;
            response.body = "ignored";
            return response;
        }
        if (request.path == "/close")
            response.closeConnection = true;
        if (request.path == "/headers") {
            response.headers.emplace_back("X-Custom", "yes");
            response.headers.emplace_back("Content-Length", "999");      // transport-owned: dropped
            response.headers.emplace_back("X-Evil", "a\r\nInjected: 1"); // would split the response: dropped
        }
        bool lowerCase = true;
        for (const auto &header : request.headers)
            lowerCase = lowerCase && header.first == header.first.toLower();
        response.body = request.method + ' ' + request.path + " q=" + request.query
                        + " len=" + QByteArray::number(request.body.size()) + " x-test=" + request.header("x-test")
                        + " lower=" + (lowerCase ? "1" : "0") + " remote=" + request.remoteAddress.toLatin1()
                        + " port=" + QByteArray::number(request.remotePort);
        return response;
    }
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void basicGet();
    void keepAliveReusesConnection();
    void pipelinedRequestsAnsweredInOrder();
    void headHasLengthButNoBody();
    void expectContinue();
    void declaredBodyTooLarge();
    void chunkedBody();
    void chunkedBodyTooLarge();
    void headerTooLarge();
    void malformedRequest();
    void http10ClosesAfterResponse();
    void http10KeepAlive();
    void connectionCloseHonoured();
    void responseCloseConnection();
    void precheckWinsOverTooLargeBody();
    void precheckKeepsConnectionWithoutBody();
    void corsPreflight();
    void optionsWithoutPreflightReachesHandler();
    void corsHeaderOnEveryResponse();
    void noContentHasNoBody();
    void handlerHeadersAreFiltered();
    void handlerExceptionGives500();
    void accessLogOneLinePerRequestRedacted();
    void vanishedClientDoesNotKillServer();
    void readTimeoutClosesConnection();
    void idleTimeoutClosesConnection();
    void secondServerOnSamePortFails();
    void invalidHostFails();
    void stopDeliversInFlightResponse();
    void stopIsIdempotent();
    void redactTarget_data();
    void redactTarget();
    void manyConcurrentConnections();

private:
    TestHandler *m_handler = nullptr;
    HttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

void TestHttpServer::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vingt.access.info=true\nvingt.http.debug=false"));
    g_previousHandler = qInstallMessageHandler(captureMessages);
}

void TestHttpServer::init()
{
    m_handler = new TestHandler;
    ServerConfig config;
    config.port = 0;
    m_server = new HttpServer(config, *m_handler);
    const auto started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_port = started.value();
    QVERIFY(m_port != 0);
    QCOMPARE(m_server->port(), m_port);
    clearAccessLines();
}

void TestHttpServer::cleanup()
{
    delete m_server; // stops
    m_server = nullptr;
    delete m_handler;
    m_handler = nullptr;
}

void TestHttpServer::basicGet()
{
    Client client(m_port);
    QVERIFY(client.isConnected());
    QVERIFY(client.send(get("/echo?a=1&b=2", "X-Test: Hello\r\n")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->statusLine, QByteArray("HTTP/1.1 200 OK"));
    const QByteArray expected = "GET /echo q=a=1&b=2 len=0 x-test=Hello lower=1 remote=127.0.0.1 port="
                                + QByteArray::number(client.localPort());
    QCOMPARE(reply->body, expected);
    QCOMPARE(reply->header("Content-Length"), QByteArray::number(expected.size()));
    QCOMPARE(reply->header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(reply->header("Server"), QByteArray("Vingt"));
    QCOMPARE(reply->header("Access-Control-Allow-Origin"), QByteArray("*"));
    QVERIFY(reply->header("Date").endsWith(" GMT"));
    QVERIFY(!reply->hasHeader("Connection"));
    QCOMPARE(m_handler->prechecks.load(), 1);
    QCOMPARE(m_handler->handled.load(), 1);
    QVERIFY(!m_handler->precheckSawBody);
    QTRY_COMPARE(m_server->requestCount(), quint64(1));
}

void TestHttpServer::keepAliveReusesConnection()
{
    Client client(m_port);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(client.send(get("/echo/" + QByteArray::number(i))));
        const auto reply = client.read();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QVERIFY(reply->body.startsWith("GET /echo/" + QByteArray::number(i) + ' '));
        QVERIFY(reply->body.endsWith("port=" + QByteArray::number(client.localPort())));
    }
    QTRY_COMPARE(m_server->requestCount(), quint64(3));
}

void TestHttpServer::pipelinedRequestsAnsweredInOrder()
{
    Client client(m_port);
    QVERIFY(client.send(get("/p1") + post("/p2", "abc") + get("/p3")));
    const auto first = client.read();
    const auto second = client.read();
    const auto third = client.read();
    QVERIFY(first && second && third);
    QVERIFY2(first->body.startsWith("GET /p1 q= len=0"), first->body.constData());
    QVERIFY2(second->body.startsWith("POST /p2 q= len=3"), second->body.constData());
    QVERIFY2(third->body.startsWith("GET /p3 q= len=0"), third->body.constData());
}

void TestHttpServer::headHasLengthButNoBody()
{
    Client client(m_port);
    QVERIFY(client.send(get("/echo")));
    const auto getReply = client.read();
    QVERIFY(getReply);

    // HEAD followed by GET in one write: any body byte after the HEAD response would corrupt the second response.
    QVERIFY(client.send("HEAD /echo HTTP/1.1\r\nHost: test\r\n\r\n" + get("/after")));
    const auto headReply = client.read(true);
    QVERIFY(headReply);
    QCOMPARE(headReply->status, 200);
    const QByteArray headBody = "HEAD /echo q= len=0 x-test= lower=1 remote=127.0.0.1 port="
                                + QByteArray::number(
                                    client.localPort()); // what the handler answered; GET's body is one byte shorter
    QCOMPARE(headReply->header("Content-Length"), QByteArray::number(headBody.size()));
    QCOMPARE(getReply->header("Content-Length"), QByteArray::number(headBody.size() - 1));
    QCOMPARE(headReply->header("Content-Type"), QByteArray("text/plain"));
    QVERIFY(headReply->body.isEmpty());
    const auto after = client.read();
    QVERIFY(after);
    QCOMPARE(after->statusLine, QByteArray("HTTP/1.1 200 OK"));
    QVERIFY(after->body.startsWith("GET /after "));
    QVERIFY(client.unread().isEmpty());
}

void TestHttpServer::expectContinue()
{
    Client client(m_port);
    QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
    const auto interim = client.read();
    QVERIFY(interim);
    QCOMPARE(interim->statusLine, QByteArray("HTTP/1.1 100 Continue"));
    QCOMPARE(m_handler->handled.load(), 0);
    QVERIFY(client.send("hello"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QVERIFY(reply->body.startsWith("POST /upload q= len=5 "));

    // The connection stays usable.
    QVERIFY(client.send(get("/again")));
    const auto again = client.read();
    QVERIFY(again);
    QCOMPARE(again->status, 200);
}

void TestHttpServer::declaredBodyTooLarge()
{
    const QByteArray expected = errorBody(413, "PayloadTooLargeException",
                                          "Request body is larger than the 10 MiB limit");
    {
        // No body byte is ever sent: the answer must not wait for it.
        Client client(m_port);
        QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: " + QByteArray::number(11 * kMiB)
                            + "\r\n\r\n"));
        const auto reply = client.read();
        QVERIFY(reply);
        QCOMPARE(reply->status, 413);
        QCOMPARE(reply->body, expected);
        QCOMPARE(reply->header("Connection"), QByteArray("close"));
        QCOMPARE(reply->header("Access-Control-Allow-Origin"), QByteArray("*"));
        QVERIFY(client.waitForClose());
    }
    {
        // With Expect: 100-continue the client gets the 413 instead of 100 Continue.
        Client client(m_port);
        QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: "
                            + QByteArray::number(11 * kMiB) + "\r\n\r\n"));
        const auto reply = client.read();
        QVERIFY(reply);
        QCOMPARE(reply->status, 413);
        QCOMPARE(reply->body, expected);
        QVERIFY(client.waitForClose());
    }
    QCOMPARE(m_handler->handled.load(), 0);
}

void TestHttpServer::chunkedBody()
{
    Client client(m_port);
    QVERIFY(client.send("POST /chunks HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QVERIFY(reply->body.startsWith("POST /chunks q= len=11 "));
}

void TestHttpServer::chunkedBodyTooLarge()
{
    Client client(m_port);
    QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const QByteArray chunk = "100000\r\n" + QByteArray(kMiB, 'x') + "\r\n"; // 1 MiB each
    // The server answers once the limit is crossed and drains the rest; a refused send is fine too.
    for (int i = 0; i < 11; ++i) {
        if (!client.send(chunk))
            break;
    }
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 413);
    QCOMPARE(reply->body, errorBody(413, "PayloadTooLargeException", "Request body is larger than the 10 MiB limit"));
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handler->handled.load(), 0);
}

void TestHttpServer::headerTooLarge()
{
    Client client(m_port);
    QVERIFY(client.send(get("/echo", "X-Big: " + QByteArray(17 * 1024, 'a') + "\r\n")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 431);
    QCOMPARE(reply->body, errorBody(431, "RequestHeaderFieldsTooLargeException",
                                    "Request header fields are larger than the 16 KiB limit: shorten the URL (a long "
                                    "filter, for example) or the headers"));
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handler->prechecks.load(), 0);

    // Just under the limit is fine.
    Client ok(m_port);
    QVERIFY(ok.send(get("/echo", "X-Big: " + QByteArray(15 * 1024, 'a') + "\r\n")));
    const auto okReply = ok.read();
    QVERIFY(okReply);
    QCOMPARE(okReply->status, 200);
}

void TestHttpServer::malformedRequest()
{
    Client client(m_port);
    QVERIFY(client.send("GARBAGE\r\n\r\n"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->statusLine, QByteArray("HTTP/1.1 400 Bad Request"));
    QCOMPARE(reply->body, errorBody(400, "BadRequestException", "Malformed HTTP request"));
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());

    // A broken chunked body is malformed too.
    Client chunked(m_port);
    QVERIFY(chunked.send("POST /x HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));
    const auto chunkedReply = chunked.read();
    QVERIFY(chunkedReply);
    QCOMPARE(chunkedReply->status, 400);
    QVERIFY(chunked.waitForClose());
    QCOMPARE(m_handler->handled.load(), 0);
}

void TestHttpServer::http10ClosesAfterResponse()
{
    Client client(m_port);
    QVERIFY(client.send("GET /echo HTTP/1.0\r\n\r\n"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->statusLine, QByteArray("HTTP/1.0 200 OK"));
    QVERIFY(reply->body.startsWith("GET /echo "));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::http10KeepAlive()
{
    Client client(m_port);
    QVERIFY(client.send("GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    const auto first = client.read();
    QVERIFY(first);
    QCOMPARE(first->header("Connection").toLower(), QByteArray("keep-alive"));
    QVERIFY(client.send("GET /two HTTP/1.0\r\n\r\n"));
    const auto second = client.read();
    QVERIFY(second);
    QVERIFY(second->body.startsWith("GET /two "));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::connectionCloseHonoured()
{
    Client client(m_port);
    QVERIFY(client.send(get("/echo", "Connection: close\r\n")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::responseCloseConnection()
{
    Client client(m_port);
    QVERIFY(client.send(get("/close")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::precheckWinsOverTooLargeBody()
{
    Client client(m_port);
    QVERIFY(client.send("POST /nope/x HTTP/1.1\r\nHost: test\r\nContent-Length: " + QByteArray::number(11 * kMiB)
                        + "\r\n\r\n"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 404);
    QCOMPARE(reply->body, errorBody(404, "NotFoundException", "Cannot /nope/x"));
    QCOMPARE(reply->header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(reply->header("Connection"), QByteArray("close")); // the declared body was never read
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handler->handled.load(), 0);
}

void TestHttpServer::precheckKeepsConnectionWithoutBody()
{
    Client client(m_port);
    QVERIFY(client.send(get("/nope")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 404);
    QVERIFY(!reply->hasHeader("Connection"));
    QVERIFY(client.send(get("/echo")));
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->status, 200);
}

void TestHttpServer::corsPreflight()
{
    Client client(m_port);
    QVERIFY(client.send("OPTIONS /rest/people HTTP/1.1\r\nHost: test\r\nOrigin: http://example.com\r\n"
                        "Access-Control-Request-Method: PATCH\r\n"
                        "Access-Control-Request-Headers: authorization, content-type, x-trace\r\n\r\n"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->statusLine, QByteArray("HTTP/1.1 204 No Content"));
    QCOMPARE(reply->header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(reply->header("Access-Control-Allow-Methods"), QByteArray("GET, POST, PATCH, PUT, DELETE, OPTIONS"));
    QCOMPARE(reply->header("Access-Control-Allow-Headers"), QByteArray("authorization, content-type, x-trace"));
    QCOMPARE(reply->header("Access-Control-Max-Age"), QByteArray("86400"));
    QVERIFY(!reply->hasHeader("Content-Length")); // RFC 9110 §8.6: never on a 204
    QCOMPARE(m_handler->prechecks.load(), 0);
    QCOMPARE(m_handler->handled.load(), 0);

    // Without Access-Control-Request-Headers the usual two are allowed; the connection is still usable.
    QVERIFY(client.send("OPTIONS /rest/people HTTP/1.1\r\nHost: test\r\nAccess-Control-Request-Method: GET\r\n\r\n"));
    const auto second = client.read();
    QVERIFY(second);
    QCOMPARE(second->status, 204);
    QCOMPARE(second->header("Access-Control-Allow-Headers"), QByteArray("Authorization, Content-Type"));
}

void TestHttpServer::optionsWithoutPreflightReachesHandler()
{
    Client client(m_port);
    QVERIFY(client.send("OPTIONS /echo HTTP/1.1\r\nHost: test\r\n\r\n"));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QVERIFY(reply->body.startsWith("OPTIONS /echo "));
    QCOMPARE(m_handler->handled.load(), 1);
}

void TestHttpServer::corsHeaderOnEveryResponse()
{
    const QList<QByteArray> requests = {get("/echo"), get("/nope"), get("/throw"), get("/nocontent"),
                                        "HEAD /echo HTTP/1.1\r\nHost: test\r\n\r\n"};
    for (const QByteArray &request : requests) {
        Client client(m_port);
        QVERIFY(client.send(request));
        const auto reply = client.read(request.startsWith("HEAD"));
        QVERIFY(reply);
        QCOMPARE(reply->header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(reply->header("Server"), QByteArray("Vingt"));
    }
}

void TestHttpServer::noContentHasNoBody()
{
    Client client(m_port);
    QVERIFY(client.send(get("/nocontent") + get("/after")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 204);
    QVERIFY(!reply->hasHeader("Content-Length"));
    QVERIFY(!reply->hasHeader("Content-Type"));
    const auto after = client.read(); // would be garbage if "ignored" had been written
    QVERIFY(after);
    QCOMPARE(after->statusLine, QByteArray("HTTP/1.1 200 OK"));
    QVERIFY(after->body.startsWith("GET /after "));
}

void TestHttpServer::handlerHeadersAreFiltered()
{
    Client client(m_port);
    QVERIFY(client.send(get("/headers")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->header("X-Custom"), QByteArray("yes"));
    QVERIFY(!reply->hasHeader("X-Evil"));
    QVERIFY(!reply->hasHeader("Injected"));
    QCOMPARE(reply->header("Content-Length"), QByteArray::number(reply->body.size()));
}

void TestHttpServer::handlerExceptionGives500()
{
    Client client(m_port);
    const QByteArray expected = errorBody(500, "InternalServerErrorException", "Internal server error");
    for (const QByteArray &path : {QByteArray("/throw"), QByteArray("/throw-int"), QByteArray("/precheck-throw")}) {
        QVERIFY(client.send(get(path)));
        const auto reply = client.read();
        QVERIFY(reply);
        QCOMPARE(reply->status, 500);
        QCOMPARE(reply->body, expected);
        QCOMPARE(reply->header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    }
    QVERIFY(client.send(get("/echo"))); // same connection, server alive
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
}

void TestHttpServer::accessLogOneLinePerRequestRedacted()
{
    Client client(m_port);
    QVERIFY(client.send(get("/echo?token=s3cret&x=1")));
    QVERIFY(client.read());
    QVERIFY(client.send(get("/nope")));
    QVERIFY(client.read());
    QTRY_COMPARE(accessLines().size(), 2);
    const QList<QString> lines = accessLines();
    const QRegularExpression first(QStringLiteral(R"(^127\.0\.0\.1 "GET /echo\?token=\*\*\*&x=1" 200 \d+ \d+us$)"));
    QVERIFY2(first.match(lines[0]).hasMatch(), qPrintable(lines[0]));
    const QRegularExpression second(QStringLiteral(R"(^127\.0\.0\.1 "GET /nope" 404 \d+ \d+us$)"));
    QVERIFY2(second.match(lines[1]).hasMatch(), qPrintable(lines[1]));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QLatin1String("s3cret")));

    // Requests the transport answers alone are logged too, once each.
    Client bad(m_port);
    QVERIFY(bad.send("GARBAGE\r\n\r\n"));
    QVERIFY(bad.read());
    QTRY_COMPARE(accessLines().size(), 3);
    QVERIFY2(accessLines().at(2).startsWith(QLatin1String("127.0.0.1 \"- -\" 400 ")), qPrintable(accessLines().at(2)));
    QTRY_COMPARE(m_server->requestCount(), quint64(3));
}

void TestHttpServer::vanishedClientDoesNotKillServer()
{
    // Writing 8 MiB to a closed peer fails with EPIPE/ECONNRESET; without MSG_NOSIGNAL, SIGPIPE would end this process.
    {
        Client client(m_port);
        QVERIFY(client.send(get("/big")));
    } // closed before the response is read
    QTRY_VERIFY(!accessLines().isEmpty());
    QVERIFY2(accessLines().constFirst().contains(QLatin1String("\"GET /big\" 200 ")),
             qPrintable(accessLines().constFirst()));
    Client client(m_port);
    QVERIFY(client.send(get("/echo")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
}

void TestHttpServer::readTimeoutClosesConnection()
{
    ServerConfig config;
    config.port = 0;
    config.readTimeoutMs = 200;
    HttpServer server(config, *m_handler);
    const auto started = server.start();
    QVERIFY(started.ok());
    Client client(started.value());
    QVERIFY(client.send("GET /echo HTTP/1.1\r\nHost: te")); // never finished
    QVERIFY(client.waitForClose());
    QVERIFY(client.unread().isEmpty());
    QCOMPARE(m_handler->prechecks.load(), 0);
}

void TestHttpServer::idleTimeoutClosesConnection()
{
    ServerConfig config;
    config.port = 0;
    config.idleTimeoutMs = 200;
    HttpServer server(config, *m_handler);
    const auto started = server.start();
    QVERIFY(started.ok());
    Client client(started.value());
    QVERIFY(client.send(get("/echo")));
    QVERIFY(client.read());
    QVERIFY(client.waitForClose());
}

void TestHttpServer::secondServerOnSamePortFails()
{
    ServerConfig config;
    config.port = m_port;
    TestHandler other;
    HttpServer second(config, other);
    const auto started = second.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().message, QStringLiteral("Port %1 on 127.0.0.1 is already in use").arg(m_port));

    // The first server is unaffected.
    Client client(m_port);
    QVERIFY(client.send(get("/echo")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
}

void TestHttpServer::invalidHostFails()
{
    ServerConfig config;
    config.port = 0;
    config.host = QStringLiteral("300.1.2.3");
    HttpServer server(config, *m_handler);
    const auto started = server.start();
    QVERIFY(!started.ok());
    QVERIFY2(started.error().message.contains(QLatin1String("'300.1.2.3'")), qPrintable(started.error().message));
}

void TestHttpServer::stopDeliversInFlightResponse()
{
    Client idle(m_port); // a keep-alive connection between requests: closed by stop()
    QVERIFY(idle.send(get("/echo")));
    QVERIFY(idle.read());

    Client slow(m_port);
    QVERIFY(slow.send(get("/slow")));
    QTRY_VERIFY(m_handler->slowEntered);
    m_server->stop(); // returns once the slow response is written
    QVERIFY(m_handler->slowFinished);

    const auto reply = slow.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QVERIFY(reply->body.startsWith("GET /slow "));
    QCOMPARE(reply->header("Connection"), QByteArray("close"));
    QVERIFY(slow.waitForClose());
    QVERIFY(idle.waitForClose());

    Client refused(m_port);
    QVERIFY(!refused.isConnected());
}

void TestHttpServer::stopIsIdempotent()
{
    m_server->stop();
    m_server->stop();
    // And the server can be started again.
    const auto restarted = m_server->start();
    QVERIFY(restarted.ok());
    Client client(restarted.value());
    QVERIFY(client.send(get("/echo")));
    const auto reply = client.read();
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
}

void TestHttpServer::redactTarget_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no query") << QByteArray("/rest/people") << QByteArray("/rest/people");
    QTest::newRow("other parameters") << QByteArray("/rest/people?limit=2&x=") << QByteArray("/rest/people?limit=2&x=");
    QTest::newRow("token alone") << QByteArray("/open-api/core?token=abc.def")
                                 << QByteArray("/open-api/core?token=***");
    QTest::newRow("token in the middle") << QByteArray("/x?a=1&token=abc&b=2") << QByteArray("/x?a=1&token=***&b=2");
    QTest::newRow("token last") << QByteArray("/x?a=1&token=abc") << QByteArray("/x?a=1&token=***");
    QTest::newRow("several") << QByteArray("/x?token=a&token=b") << QByteArray("/x?token=***&token=***");
    QTest::newRow("case") << QByteArray("/x?Token=abc") << QByteArray("/x?Token=***");
    QTest::newRow("suffix") << QByteArray("/x?access_token=abc&apiToken=d")
                            << QByteArray("/x?access_token=***&apiToken=***");
    QTest::newRow("empty value") << QByteArray("/x?token=") << QByteArray("/x?token=***");
    QTest::newRow("value with =") << QByteArray("/x?token=a=b&c=1") << QByteArray("/x?token=***&c=1");
    QTest::newRow("name only") << QByteArray("/x?token") << QByteArray("/x?token");
    QTest::newRow("prefix is not a token") << QByteArray("/x?tokenizer=abc") << QByteArray("/x?tokenizer=abc");
    QTest::newRow("value mentions token") << QByteArray("/x?a=token=abc") << QByteArray("/x?a=token=abc");
    QTest::newRow("path mentions token") << QByteArray("/token=abc/x") << QByteArray("/token=abc/x");
    QTest::newRow("empty query") << QByteArray("/x?") << QByteArray("/x?");
    QTest::newRow("trailing &") << QByteArray("/x?token=a&") << QByteArray("/x?token=***&");
}

void TestHttpServer::redactTarget()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expected);
    QCOMPARE(vingt::http::redactTarget(target), expected);
}

void TestHttpServer::manyConcurrentConnections()
{
    constexpr int kConnections = 100;
    constexpr int kRequests = 20;
    std::atomic<int> succeeded{0};
    std::atomic<int> failed{0};
    std::latch allConnected(kConnections);
    std::vector<std::thread> threads;
    threads.reserve(kConnections);
    for (int c = 0; c < kConnections; ++c) {
        threads.emplace_back([&, c] {
            Client client(m_port);
            allConnected.arrive_and_wait(); // all 100 connections open at the same time
            if (!client.isConnected()) {
                failed += kRequests;
                return;
            }
            for (int r = 0; r < kRequests; ++r) {
                const QByteArray path = "/c" + QByteArray::number(c) + "/r" + QByteArray::number(r);
                const QByteArray body = QByteArray(r, 'b');
                if (!client.send(r % 2 ? post(path, body) : get(path))) {
                    ++failed;
                    return;
                }
                const auto reply = client.read();
                const QByteArray expected = (r % 2 ? "POST " : "GET ") + path
                                            + " q= len=" + QByteArray::number(r % 2 ? r : 0) + ' ';
                if (reply && reply->status == 200 && reply->body.startsWith(expected))
                    ++succeeded;
                else
                    ++failed;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(succeeded.load(), kConnections * kRequests);
    QTRY_COMPARE(m_server->requestCount(), quint64(kConnections * kRequests));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
