#include "gui/servercontroller.h"

#include "server/localserver.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QDateTime>
#include <QSettings>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

struct LimitText {
    const char *key;
    const char *label;
    const char *unit;
};

const LimitText kLimits[] = {
    {"api.pageSizeDefault", "Default page size", "records"},
    {"api.pageSizeMax", "Maximum page size", "records"},
    {"api.batchMaxRecords", "Batch size", "records"},
    {"api.restMaxFieldsReturned", "Fields per REST record", "fields"},
    {"rateLimit.shortLimit", "Short rate limit", "requests"},
    {"rateLimit.shortTtlMs", "Short window", "ms"},
    {"rateLimit.longLimit", "Long rate limit", "requests"},
    {"rateLimit.longTtlMs", "Long window", "ms"},
};

} // namespace

ServerController::ServerController(QObject *parent)
    : QObject(parent)
    , m_limits({u"id"_s, u"label"_s, u"value"_s, u"unit"_s}, this)
{
    const BackendContext &context = BackendContext::current();
    QList<QVariantMap> rows;
    for (const LimitText &limit : kLimits) {
        const QString key = QString::fromLatin1(limit.key);
        if (!context.instance || !context.instance->settings().contains(key))
            continue;
        rows.append({{u"id"_s, key},
                     {u"label"_s, QString::fromLatin1(limit.label)},
                     {u"value"_s, QLocale::c().toString(context.instance->settings().value(key))},
                     {u"unit"_s, QString::fromLatin1(limit.unit)}});
    }
    m_limits.setRows(std::move(rows));
    m_lastHost = host();
    m_lastPort = port();
    m_sampler.setInterval(1000);
    connect(&m_sampler, &QTimer::timeout, this, &ServerController::sample);
    m_sampler.start();
}

bool ServerController::running() const
{
    const LocalServer *server = BackendContext::current().server;
    return server && server->isRunning();
}

QString ServerController::url() const
{
    const LocalServer *server = BackendContext::current().server;
    return server ? server->url() : QString();
}

QString ServerController::host() const
{
    const LocalServer *server = BackendContext::current().server;
    return server && !server->host().isEmpty() ? server->host() : m_lastHost;
}

int ServerController::port() const
{
    const LocalServer *server = BackendContext::current().server;
    return server && server->isRunning() ? server->port() : m_lastPort;
}

QString ServerController::dataDir() const
{
    const BackendContext &context = BackendContext::current();
    return context.instance ? context.instance->dataDir() : QString();
}

QString ServerController::workspaceName() const
{
    const BackendContext &context = BackendContext::current();
    return context.instance ? context.workspace().displayName() : QString();
}

bool ServerController::start(const QString &host, int port)
{
    LocalServer *server = BackendContext::current().server;
    if (!server)
        return false;
    if (port < 0 || port > 65535) {
        m_error = u"Port must be a number from 0 to 65535"_s;
        Q_EMIT statusChanged();
        return false;
    }
    http::ServerConfig config;
    config.host = host.trimmed();
    config.port = quint16(port);
    m_lastHost = config.host;
    m_lastPort = port;
    auto started = server->start(config);
    m_error = started ? QString() : started.error().message;
    if (started) {
        QSettings settings;
        settings.setValue(u"server/host"_s, config.host);
        settings.setValue(u"server/port"_s, port);
    }
    m_samples.clear();
    Q_EMIT statusChanged();
    return bool(started);
}

void ServerController::stop()
{
    if (LocalServer *server = BackendContext::current().server) {
        m_lastHost = server->host();
        m_lastPort = server->port();
        server->stop();
    }
    m_error.clear();
    Q_EMIT statusChanged();
}

bool ServerController::isLoopback(const QString &host)
{
    return LocalServer::isLoopback(host.trimmed());
}

void ServerController::sample()
{
    const LocalServer *server = BackendContext::current().server;
    if (!server)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_samples.emplace_back(now, server->requestCount());
    while (m_samples.size() > 1 && now - m_samples.front().first > 60000)
        m_samples.pop_front();
    const int perMinute = int(m_samples.back().second - m_samples.front().second);
    if (perMinute != m_perMinute) {
        m_perMinute = perMinute;
        Q_EMIT requestsChanged();
    }
}

} // namespace vingt::gui
