#include "gui/servercontroller.h"

#include "server/localserver.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSettings>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

struct LimitText {
    const char *key;
    const char *label;
    const char *unit;
};

/// The PostgreSQL URL saved for the next start (General → Storage).
const QString kDatabaseUrlKey = u"storage/databaseUrl"_s;

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
    : Controller(parent)
    , m_storageError(s_startupStorageError)
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

bool ServerController::postgres() const
{
    const BackendContext &context = BackendContext::current();
    return context.instance && context.instance->isPostgres();
}

QString ServerController::savedDatabaseUrl()
{
    const QString url = databaseUrlForStart();
    return url.isEmpty() ? url : DatabaseConfig::redactedUrl(url);
}

QString ServerController::databaseUrlForStart()
{
    return QSettings().value(kDatabaseUrlKey).toString();
}

void ServerController::setStorageResult(const QString &message, const QString &error)
{
    m_storageMessage = message;
    m_storageError = error;
    Q_EMIT storageChanged();
}

void ServerController::testDatabase(const QString &url)
{
    setStorageResult(tr("Connecting…"), {});
    run([url] { return Instance::probeDatabase(url); },
        [this](const Result<QString> &probed) {
            if (probed)
                setStorageResult(*probed, {});
            else
                setStorageResult({}, probed.error().message);
        });
}

bool ServerController::saveDatabaseUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    QSettings settings;
    if (trimmed.isEmpty()) {
        settings.remove(kDatabaseUrlKey);
        settings.sync();
        setStorageResult(postgres() ? tr("Saved: Vingt opens the data directory at its next start.")
                                    : tr("Vingt keeps the data directory."),
                         {});
        return true;
    }
    if (auto config = DatabaseConfig::fromUrl(trimmed, QString()); !config) {
        setStorageResult({}, config.error().message);
        return false;
    }
    settings.setValue(kDatabaseUrlKey, trimmed);
    settings.sync();
    QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
    setStorageResult(tr("Saved: Vingt opens %1 at its next start.").arg(DatabaseConfig::redactedUrl(trimmed)), {});
    return true;
}

void ServerController::restartApp()
{
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1)))
        QCoreApplication::quit();
    else
        setStorageResult({}, tr("Vingt could not start again: start it yourself."));
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
