// The only translation unit that includes Boost.Beast / Asio (QT-NOTES "What Vingt takes"): it is slow to
// compile, and Qt's keyword macros break Asio, hence QT_NO_KEYWORDS for the whole module.
#include "server/httpserver.h"

#include "core/logging.h"

#include <QThread>

// GCC 12 -Wnull-dereference reports a false positive inside Asio's scheduler (thread_info after inlining).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include <pthread.h>

namespace vingt::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http; // `http` is our own namespace
namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

namespace {

// Concrete executor types: no type-erased any_io_executor on the hot path.
using Executor = net::io_context::executor_type;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Stream = beast::basic_stream<tcp, Executor>;
using RequestParser = bhttp::request_parser<bhttp::string_body>;
using ResponseMessage = bhttp::response<bhttp::span_body<const char>>; // body points into Response::body

constexpr auto kStopGrace = 10s;          // stop(): how long in-flight requests may take
constexpr auto kLingerTimeout = 5s;       // closing with unread input: drain it this long so the client sees the reply
constexpr auto kAcceptRetryDelay = 100ms; // after EMFILE and friends
constexpr std::size_t kReadChunk = 8 * 1024;
constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

QByteArray toQByteArray(beast::string_view s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

beast::string_view toStringView(const QByteArray &b)
{
    return {b.constData(), static_cast<std::size_t>(b.size())};
}

/// IMF-fixdate of the current second, cached per thread. Hand-formatted: strftime follows the C locale, which
/// QCoreApplication sets from the environment.
beast::string_view httpDate()
{
    static constexpr const char *kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    thread_local std::time_t cachedSecond = -1;
    thread_local char text[40] = {};
    thread_local int length = 0;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        length = std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                               tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                               tm.tm_sec);
        cachedSecond = now;
    }
    return {text, static_cast<std::size_t>(length)};
}

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

/// Headers a handler may not write: they would break the framing (response splitting, wrong length).
bool isWritableHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isTokenChar))
        return false;
    if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
        return false;
    return name.compare("content-length", Qt::CaseInsensitive) != 0
           && name.compare("transfer-encoding", Qt::CaseInsensitive) != 0
           && name.compare("connection", Qt::CaseInsensitive) != 0;
}

/// A parse error of the peer's bytes (→ 400), as opposed to the peer going away or a timeout (→ just close).
bool isProtocolError(const beast::error_code &ec)
{
    if (ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category())
        return false;
    return ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

QString formatLimit(qint64 bytes)
{
    constexpr qint64 kMiB = 1024 * 1024;
    if (bytes > 0 && bytes % kMiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / kMiB);
    if (bytes > 0 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

void setThreadName(const char *name)
{
    pthread_setname_np(pthread_self(), name); // at most 15 characters; best effort
}

class Session;

/// One I/O thread: a single-threaded io_context and the connections it owns. `sessions` and `stopping` are only
/// touched on this thread (or after it was joined). Member order matters: the io_context is destroyed first, and
/// the sessions it still holds unregister themselves from `sessions` while it goes.
struct Worker {
    std::unordered_set<Session *> sessions;
    bool stopping = false;
    net::io_context ioc{1};
    std::optional<net::executor_work_guard<Executor>> guard;
    std::thread thread;
};

/// What every connection shares with the server; outlives all sessions.
struct ServerState {
    ServerState(ServerConfig c, Handler &h)
        : config(std::move(c))
        , handler(h)
        , tooLargeMessage(QStringLiteral("Request body is larger than the %1 limit").arg(formatLimit(config.bodyLimit)))
        , headTooLargeMessage(QStringLiteral("Request header fields are larger than the %1 limit: shorten the URL "
                                             "(a long filter, for example) or the headers")
                                  .arg(formatLimit(config.headerLimit)))
    {}

    const ServerConfig config;
    Handler &handler;
    const QString tooLargeMessage;
    const QString headTooLargeMessage;
    std::atomic<quint64> requestCount{0};

    // stop() waits until every worker has seen the stop notice and every connection has ended.
    std::atomic<int> liveSessions{0};
    std::atomic<int> pendingStopNotices{0};
    std::mutex drainMutex;
    std::condition_variable drained;

    void notifyIfDrained()
    {
        if (liveSessions.load() == 0 && pendingStopNotices.load() == 0) {
            std::lock_guard lock(drainMutex);
            drained.notify_all();
        }
    }
};

/// @brief One HTTP/1.1 connection, in Beast's own idiom: read head → (precheck, limits, 100 Continue) → read body →
/// handle → write → next. Lives on one Worker thread; kept alive by the handler of its pending operation.
class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(Socket &&socket, Worker &worker, ServerState &state)
        : m_stream(std::move(socket))
        , m_worker(worker)
        , m_state(state)
    {
        ++m_state.liveSessions;
    }

    ~Session()
    {
        if (m_registered)
            m_worker.sessions.erase(this);
        --m_state.liveSessions;
        m_state.notifyIfDrained();
    }

    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    void start()
    {
        m_worker.sessions.insert(this);
        m_registered = true;
        if (m_worker.stopping) {
            closeNow();
            return;
        }
        beast::error_code ec;
        m_stream.socket().set_option(tcp::no_delay(true), ec);
        const auto remote = m_stream.socket().remote_endpoint(ec);
        if (!ec) {
            net::ip::address address = remote.address();
            if (address.is_v6() && address.to_v6().is_v4_mapped()) // dual-stack listener: log 1.2.3.4, not ::ffff:…
                address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
            m_remoteAddress = QString::fromStdString(address.to_string());
            m_remotePort = remote.port();
        }
        readNext(true);
    }

    /// The server is stopping (runs on this session's thread): close when idle, else finish the current request
    /// and close after its response.
    void onServerStop()
    {
        m_serverStopping = true;
        if (m_phase == Phase::Idle)
            closeNow();
    }

private:
    enum class Phase { Idle, ReadingHead, ReadingBody, Handling, Writing, Lingering, Closed };

    std::shared_ptr<Session> self() { return shared_from_this(); }

    // --- reading -------------------------------------------------------------------------------------------------

    void readNext(bool first)
    {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_state.config.headerLimit));
        // The real limit is applied after precheck (DECISIONS "HTTP": order of checks). Not boost::none: Beast 1.74
        // compares a declared Content-Length against the optional, and every length is "greater" than none.
        m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
        m_request = Request{};
        m_request.remoteAddress = m_remoteAddress;
        m_request.remotePort = m_remotePort;
        m_version = 11;
        m_keepAlive = true;
        m_head = false;
        m_inputUnread = false;

        if (m_buffer.size() > 0) { // pipelined bytes already here
            parseHead();
            return;
        }
        // Wait for the first byte with the idle (or, on a new connection, the read) timeout.
        m_phase = Phase::Idle;
        m_stream.expires_after(
            std::chrono::milliseconds(first ? m_state.config.readTimeoutMs : m_state.config.idleTimeoutMs));
        m_stream.async_read_some(m_buffer.prepare(kReadChunk), beast::bind_front_handler(&Session::onIdleRead, self()));
    }

    void onIdleRead(beast::error_code ec, std::size_t bytes)
    {
        if (ec || m_phase == Phase::Closed) { // EOF, timeout, or closed by stop()
            closeNow();
            return;
        }
        m_buffer.commit(bytes);
        parseHead();
    }

    void parseHead()
    {
        m_phase = Phase::ReadingHead;
        m_requestStart = std::chrono::steady_clock::now();
        m_stream.expires_after(std::chrono::milliseconds(m_state.config.readTimeoutMs)); // the whole request
        // Parse what is buffered synchronously; go asynchronous only if the head is incomplete.
        beast::error_code ec;
        const std::size_t used = m_parser->put(m_buffer.data(), ec);
        m_buffer.consume(used);
        if (ec == bhttp::error::need_more || (!ec && !m_parser->is_header_done())) {
            bhttp::async_read_header(m_stream, m_buffer, *m_parser, beast::bind_front_handler(&Session::onHead, self()));
            return;
        }
        onHead(ec, 0);
    }

    void onHead(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec == bhttp::error::header_limit) {
            respondError(431, "RequestHeaderFieldsTooLargeException", m_state.headTooLargeMessage);
            return;
        }
        if (isProtocolError(ec)) {
            respondError(400, "BadRequestException", QStringLiteral("Malformed HTTP request"));
            return;
        }
        if (ec || m_phase == Phase::Closed) { // peer gone, timeout, stop()
            closeNow();
            return;
        }

        const auto &message = m_parser->get();
        m_version = static_cast<int>(message.version());
        m_keepAlive = message.keep_alive();
        m_head = message.method() == bhttp::verb::head;
        m_request.method = toQByteArray(message.method_string());
        m_request.target = toQByteArray(message.target());
        const qsizetype question = m_request.target.indexOf('?');
        m_request.path = question < 0 ? m_request.target : m_request.target.left(question);
        m_request.query = question < 0 ? QByteArray() : m_request.target.mid(question + 1);
        m_request.headers.reserve(16);
        for (const auto &field : message)
            m_request.headers.emplace_back(toQByteArray(field.name_string()).toLower(), toQByteArray(field.value()));

        const bool bodyPending = !m_parser->is_done();
        m_inputUnread = bodyPending;

        // CORS preflight: the transport's answer, the application never sees it (DECISIONS "HTTP").
        if (message.method() == bhttp::verb::options
            && message.find(bhttp::field::access_control_request_method) != message.end()) {
            respond(preflightResponse(), bodyPending);
            return;
        }

        try {
            if (std::optional<Response> early = m_state.handler.precheck(m_request)) {
                respond(std::move(*early), bodyPending); // the body was not read: close after the answer
                return;
            }
        } catch (const std::exception &e) {
            qCWarning(lcHttp) << "precheck threw:" << e.what();
            respondInternalError(bodyPending);
            return;
        } catch (...) {
            qCWarning(lcHttp) << "precheck threw a non-standard exception";
            respondInternalError(bodyPending);
            return;
        }

        // A declared length over the limit: answer without reading the body (API-CONTRACT §0.2).
        if (const auto length = m_parser->content_length();
            length && *length > static_cast<std::uint64_t>(m_state.config.bodyLimit)) {
            respondError(413, "PayloadTooLargeException", m_state.tooLargeMessage);
            return;
        }
        if (!bodyPending) {
            handle();
            return;
        }
        m_parser->body_limit(static_cast<std::uint64_t>(m_state.config.bodyLimit)); // chunked bodies
        m_phase = Phase::ReadingBody;
        // Expect: 100-continue — unless the client already started sending the body (RFC 9110 §10.1.1).
        if (m_version >= 11 && m_buffer.size() == 0 && beast::iequals(message[bhttp::field::expect], "100-continue")) {
            net::async_write(m_stream, net::buffer(kContinue, sizeof kContinue - 1),
                             beast::bind_front_handler(&Session::onContinueWritten, self()));
            return;
        }
        readBody();
    }

    void onContinueWritten(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec) {
            closeNow();
            return;
        }
        readBody();
    }

    void readBody()
    {
        m_phase = Phase::ReadingBody;
        bhttp::async_read(m_stream, m_buffer, *m_parser, beast::bind_front_handler(&Session::onBody, self()));
    }

    void onBody(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec == bhttp::error::body_limit) { // a chunked body crossed the limit
            respondError(413, "PayloadTooLargeException", m_state.tooLargeMessage);
            return;
        }
        if (isProtocolError(ec)) {
            respondError(400, "BadRequestException", QStringLiteral("Malformed HTTP request"));
            return;
        }
        if (ec) {
            closeNow();
            return;
        }
        m_inputUnread = false;
        handle();
    }

    // --- handling ------------------------------------------------------------------------------------------------

    void handle()
    {
        m_phase = Phase::Handling;
        {
            const std::string &body = m_parser->get().body();
            m_request.body = QByteArray(body.data(), static_cast<qsizetype>(body.size()));
        }
        m_parser.reset(); // frees the body buffer before the handler runs
        Response response;
        try {
            response = m_state.handler.handle(m_request);
        } catch (const std::exception &e) {
            qCWarning(lcHttp) << "handler threw on" << m_request.method << redactTarget(m_request.target) << ":"
                              << e.what();
            response = internalError();
        } catch (...) {
            qCWarning(lcHttp) << "handler threw a non-standard exception on" << m_request.method
                              << redactTarget(m_request.target);
            response = internalError();
        }
        m_request.body = QByteArray(); // up to bodyLimit bytes: do not keep them while the connection idles
        respond(std::move(response), false);
    }

    static Response internalError()
    {
        return errorResponse(500, "InternalServerErrorException", QStringLiteral("Internal server error"));
    }

    /// CORS preflight answer; the allowed headers echo what the browser asks for.
    Response preflightResponse() const
    {
        const Request &request = m_request;
        Response response;
        response.status = 204;
        response.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
        QByteArray allowHeaders = request.header("access-control-request-headers").trimmed();
        if (allowHeaders.isEmpty())
            allowHeaders = QByteArrayLiteral("Authorization, Content-Type");
        response.headers.emplace_back("Access-Control-Allow-Headers", allowHeaders);
        response.headers.emplace_back("Access-Control-Max-Age", "86400");
        return response;
    }

    // --- writing -------------------------------------------------------------------------------------------------

    void respondError(int status, const char *name, const QString &message)
    {
        m_inputUnread = true; // whatever follows in the stream was not (fully) read
        respond(errorResponse(status, QByteArray(name), message), true);
    }

    void respondInternalError(bool close) { respond(internalError(), close); }

    void respond(Response response, bool close)
    {
        m_phase = Phase::Writing;
        m_response = std::move(response);
        if (m_response.status < 200 || m_response.status > 999) {
            qCWarning(lcHttp) << "handler returned invalid status" << m_response.status << "for" << m_request.method
                              << redactTarget(m_request.target);
            m_response = internalError();
        }
        if (close || m_response.closeConnection)
            m_keepAlive = false;

        const int status = m_response.status;
        const bool bodyAllowed = status != 204 && status != 304; // RFC 9110 §6.4.1: they never carry content

        ResponseMessage &message = m_message.emplace();
        message.version(static_cast<unsigned>(m_version));
        message.result(static_cast<unsigned>(status));
        for (const auto &[name, value] : m_response.headers) {
            if (isWritableHeader(name, value))
                message.insert(toStringView(name), toStringView(value));
            else
                qCWarning(lcHttp) << "dropping response header" << name << "(transport-owned or invalid)";
        }
        if (message.find(bhttp::field::server) == message.end())
            message.set(bhttp::field::server, "Vingt");
        if (message.find(bhttp::field::date) == message.end())
            message.set(bhttp::field::date, httpDate());
        if (message.find(bhttp::field::access_control_allow_origin) == message.end())
            message.set(bhttp::field::access_control_allow_origin, "*");
        m_bodyBytes = 0;
        if (bodyAllowed) {
            const auto size = static_cast<std::size_t>(m_response.body.size());
            if (size > 0 && !m_response.contentType.isEmpty()
                && message.find(bhttp::field::content_type) == message.end())
                message.set(bhttp::field::content_type, toStringView(m_response.contentType));
            message.content_length(size); // HEAD too: the length a GET would have had
            if (!m_head) {
                message.body() = bhttp::span_body<const char>::value_type(m_response.body.constData(), size);
                m_bodyBytes = size;
            }
        }
        // Post the first write: lets the thread finish other ready work first, batching writes (QT-NOTES).
        net::post(m_stream.get_executor(), beast::bind_front_handler(&Session::write, self()));
    }

    void write()
    {
        if (m_serverStopping)
            m_keepAlive = false;
        m_message->keep_alive(m_keepAlive);
        m_stream.expires_after(std::chrono::milliseconds(m_state.config.readTimeoutMs)); // a client that never reads
        bhttp::async_write(m_stream, *m_message, beast::bind_front_handler(&Session::onWritten, self()));
    }

    void onWritten(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (!ec)
            ++m_state.requestCount;
        logAccess(m_response.status);
        m_message.reset();
        m_response = Response{};
        if (ec) {
            closeNow();
            return;
        }
        if (!m_keepAlive || m_serverStopping) {
            closeAfterResponse();
            return;
        }
        readNext(false);
    }

    void logAccess(int status) const
    {
        if (!lcAccess().isInfoEnabled())
            return;
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now()
                                                                                  - m_requestStart)
                                .count();
        QByteArray line;
        line.reserve(96 + m_request.target.size());
        line += m_remoteAddress.isEmpty() ? QByteArrayLiteral("-") : m_remoteAddress.toLatin1();
        line += " \"";
        line += m_request.method.isEmpty() ? QByteArrayLiteral("-") : m_request.method;
        line += ' ';
        line += m_request.target.isEmpty() ? QByteArrayLiteral("-") : redactTarget(m_request.target);
        line += "\" ";
        line += QByteArray::number(status);
        line += ' ';
        line += QByteArray::number(static_cast<qulonglong>(m_bodyBytes));
        line += ' ';
        line += QByteArray::number(static_cast<qlonglong>(micros));
        line += "us";
        qCInfo(lcAccess).noquote() << QString::fromUtf8(line);
    }

    // --- closing -------------------------------------------------------------------------------------------------

    /// Half-close after the last response. If the peer may still be sending (unread body, pipelined bytes, an
    /// error mid-request), drain for a while: closing with unread input sends RST, which can destroy the response
    /// before the client reads it.
    void closeAfterResponse()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec || (!m_inputUnread && m_buffer.size() == 0)) {
            closeNow();
            return;
        }
        m_phase = Phase::Lingering;
        m_buffer.clear();
        m_stream.expires_after(kLingerTimeout);
        m_stream.async_read_some(m_buffer.prepare(kReadChunk), beast::bind_front_handler(&Session::onLinger, self()));
    }

    void onLinger(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec || m_phase == Phase::Closed) {
            closeNow();
            return;
        }
        m_stream.async_read_some(m_buffer.prepare(kReadChunk), beast::bind_front_handler(&Session::onLinger, self()));
    }

    void closeNow()
    {
        m_phase = Phase::Closed;
        m_stream.close(); // cancels the timer and any pending operation
    }

    Stream m_stream;
    beast::flat_buffer m_buffer;
    Worker &m_worker;
    ServerState &m_state;
    std::optional<RequestParser> m_parser;
    Request m_request;
    Response m_response; // owns the bytes m_message's body points to
    std::optional<ResponseMessage> m_message;
    QString m_remoteAddress;
    quint16 m_remotePort = 0;
    std::chrono::steady_clock::time_point m_requestStart = std::chrono::steady_clock::now();
    std::size_t m_bodyBytes = 0;
    Phase m_phase = Phase::Idle;
    int m_version = 11;
    bool m_keepAlive = true;
    bool m_head = false;
    bool m_inputUnread = false; ///< the peer may have sent bytes we did not read (body skipped, parse error)
    bool m_serverStopping = false;
    bool m_registered = false;
};

} // namespace

// --- HttpServer ------------------------------------------------------------------------------------------------------

struct HttpServer::Impl {
    Impl(ServerConfig config, Handler &handler) : state(std::move(config), handler) {}

    ServerState state;
    std::mutex controlMutex; // start() / stop()
    bool running = false;
    std::atomic<quint16> port{0};

    net::io_context acceptIoc{1};
    tcp::acceptor acceptor{acceptIoc};
    net::steady_timer retryTimer{acceptIoc};
    std::thread acceptThread;
    std::vector<std::unique_ptr<Worker>> workers; // declared after `state`: destroyed before it
    std::size_t nextWorker = 0;                   // accept thread only

    Result<quint16> start();
    void stop();
    void accept();
    void onAccept(Worker &worker, const beast::error_code &ec, Socket socket);
};

Result<quint16> HttpServer::Impl::start()
{
    std::lock_guard lock(controlMutex);
    if (running)
        return port.load();

    const ServerConfig &config = state.config;
    QString hostText = config.host.trimmed();
    if (hostText.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        hostText = QStringLiteral("127.0.0.1");
    if (hostText.startsWith(QLatin1Char('[')) && hostText.endsWith(QLatin1Char(']')))
        hostText = hostText.mid(1, hostText.size() - 2);
    beast::error_code ec;
    const net::ip::address address = net::ip::make_address(hostText.toStdString(), ec);
    if (ec) {
        return Error::badRequest(
            QStringLiteral("Invalid host '%1': expected an IP address such as 127.0.0.1").arg(config.host));
    }

    const tcp::endpoint endpoint(address, config.port);
    const auto bindError = [&](const beast::error_code &error) {
        beast::error_code ignored;
        acceptor.close(ignored);
        if (error == net::error::address_in_use)
            return Error::badRequest(
                QStringLiteral("Port %1 on %2 is already in use").arg(config.port).arg(config.host));
        return Error::badRequest(QStringLiteral("Cannot listen on %1 port %2: %3")
                                     .arg(config.host)
                                     .arg(config.port)
                                     .arg(QString::fromStdString(error.message())));
    };
    acceptor.open(endpoint.protocol(), ec);
    if (ec)
        return bindError(ec);
    // SO_REUSEADDR only, so a restarted server binds despite TIME_WAIT; never SO_REUSEPORT (DECISIONS "HTTP"):
    // on Linux a second listener on the same port must fail.
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return bindError(ec);
    port = acceptor.local_endpoint(ec).port();

    const int threadCount = config.threads > 0 ? config.threads : 2 * std::max(1, QThread::idealThreadCount());
    workers.clear();
    for (int i = 0; i < threadCount; ++i) {
        auto worker = std::make_unique<Worker>();
        worker->guard.emplace(worker->ioc.get_executor());
        Worker *w = worker.get();
        w->thread = std::thread([w, i] {
            const std::string name = "vingt-io-" + std::to_string(i + 1);
            setThreadName(name.c_str());
            for (;;) {
                try {
                    w->ioc.run();
                    return;
                } catch (const std::exception &e) { // never let one connection's failure end the thread
                    qCCritical(lcHttp) << "I/O thread" << i + 1 << "caught:" << e.what();
                } catch (...) {
                    qCCritical(lcHttp) << "I/O thread" << i + 1 << "caught a non-standard exception";
                }
            }
        });
        workers.push_back(std::move(worker));
    }

    acceptIoc.restart();
    nextWorker = 0;
    accept();
    acceptThread = std::thread([this] {
        setThreadName("vingt-accept");
        for (;;) {
            try {
                acceptIoc.run(); // returns once the acceptor is closed
                return;
            } catch (const std::exception &e) {
                qCCritical(lcHttp) << "accept thread caught:" << e.what();
            }
        }
    });
    running = true;
    qCDebug(lcHttp) << "listening on" << config.host << port.load() << "with" << threadCount << "I/O threads";
    return port.load();
}

void HttpServer::Impl::accept()
{
    Worker &worker = *workers[nextWorker];
    nextWorker = (nextWorker + 1) % workers.size(); // round-robin (DECISIONS "HTTP")
    acceptor.async_accept(worker.ioc, [this, &worker](const beast::error_code &ec, Socket socket) {
        onAccept(worker, ec, std::move(socket));
    });
}

void HttpServer::Impl::onAccept(Worker &worker, const beast::error_code &ec, Socket socket)
{
    if (ec == net::error::operation_aborted || !acceptor.is_open())
        return; // stop()
    if (ec) {
        if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space || ec == net::error::no_memory) {
            // Out of file descriptors: retrying at once would spin; let connections close first.
            qCWarning(lcHttp) << "accept failed:" << QString::fromStdString(ec.message()) << "- retrying shortly";
            retryTimer.expires_after(kAcceptRetryDelay);
            retryTimer.async_wait([this](const beast::error_code &timerError) {
                if (!timerError && acceptor.is_open())
                    accept();
            });
            return;
        }
        qCDebug(lcHttp) << "accept failed:" << QString::fromStdString(ec.message());
        accept();
        return;
    }
    ServerState &shared = state;
    net::post(worker.ioc, [&worker, &shared, peer = std::move(socket)]() mutable {
        std::make_shared<Session>(std::move(peer), worker, shared)->start();
    });
    accept();
}

void HttpServer::Impl::stop()
{
    std::lock_guard lock(controlMutex);
    if (!running)
        return;
    running = false;

    // 1. Stop accepting. Once the accept thread is joined no new connection can reach a worker.
    net::post(acceptIoc, [this] {
        beast::error_code ignored;
        acceptor.close(ignored);
        retryTimer.cancel();
    });
    acceptThread.join();

    // 2. Tell every worker: idle connections close now, the others after their current response.
    state.pendingStopNotices = static_cast<int>(workers.size());
    for (auto &worker : workers) {
        Worker *w = worker.get();
        ServerState *s = &state;
        net::post(w->ioc, [w, s] {
            w->stopping = true;
            const std::vector<Session *> sessions(w->sessions.begin(), w->sessions.end());
            for (Session *session : sessions)
                session->onServerStop();
            --s->pendingStopNotices;
            s->notifyIfDrained();
        });
        w->guard.reset();
    }

    // 3. Give in-flight requests a bounded time, then abandon what is left.
    {
        std::unique_lock drainLock(state.drainMutex);
        const bool drained = state.drained.wait_for(drainLock, kStopGrace, [this] {
            return state.liveSessions.load() == 0 && state.pendingStopNotices.load() == 0;
        });
        if (!drained)
            qCWarning(lcHttp) << "stop: abandoning" << state.liveSessions.load() << "connections still busy";
    }
    for (auto &worker : workers)
        worker->ioc.stop();
    for (auto &worker : workers)
        worker->thread.join(); // a handler still running is waited for: it cannot be interrupted
    workers.clear();           // destroys what is left of the connections
    qCDebug(lcHttp) << "stopped; answered" << state.requestCount.load() << "requests";
}

HttpServer::HttpServer(ServerConfig config, Handler &handler)
    : m_impl(std::make_unique<Impl>(std::move(config), handler))
{}

HttpServer::~HttpServer()
{
    stop();
}

Result<quint16> HttpServer::start()
{
    return m_impl->start();
}

void HttpServer::stop()
{
    m_impl->stop();
}

quint16 HttpServer::port() const
{
    return m_impl->port.load();
}

QString HttpServer::host() const
{
    return m_impl->state.config.host;
}

quint64 HttpServer::requestCount() const
{
    return m_impl->state.requestCount.load();
}

// --- redactTarget ----------------------------------------------------------------------------------------------------

QByteArray redactTarget(QByteArray target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return target;
    static const QByteArray kToken = QByteArrayLiteral("token");
    QByteArray out = target.left(question + 1);
    qsizetype start = question + 1;
    while (start <= target.size()) {
        qsizetype end = target.indexOf('&', start);
        if (end < 0)
            end = target.size();
        const QByteArrayView parameter(target.constData() + start, end - start);
        const qsizetype equals = parameter.indexOf('=');
        const QByteArrayView name = equals < 0 ? parameter : parameter.first(equals);
        if (equals >= 0 && name.size() >= kToken.size()
            && name.last(kToken.size()).compare(kToken, Qt::CaseInsensitive) == 0) {
            out += parameter.first(equals + 1);
            out += "***";
        } else {
            out += parameter;
        }
        if (end < target.size())
            out += '&';
        start = end + 1;
    }
    return out;
}

} // namespace vingt::http
