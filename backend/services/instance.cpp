#include "services/instance.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/uuid.h"
#include "services/workspace.h"
#include "storage/migrator.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace vingt {

using namespace Qt::StringLiterals;

Instance::~Instance() = default;

QString Instance::defaultDataDir()
{
    // DECISIONS: AppDataLocation with application name `vingt` and no organisation (~/.local/share/vingt).
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(u"vingt"_s);
}

Result<QString> Instance::probeDatabase(const QString &url)
{
    auto config = DatabaseConfig::fromUrl(url.trimmed(), QString());
    if (!config)
        return config.error();
    config->createMissingDatabase = false;
    const QString server = u"PostgreSQL at %1:%2"_s.arg(config->host).arg(config->port);
    // The version as the server reports it ("15.8 (Debian 15.8-0+deb12u1)").
    const auto version = [](Database &database) -> Result<QString> {
        auto rows = database.exec(u"SELECT current_setting('server_version')"_s);
        if (!rows)
            return rows.error();
        return rows->next() ? rows->value(0).toString() : QString();
    };
    Database database(*config, config->makeDialect());
    auto reached = version(database);
    if (!reached) {
        if (!reached.error().message.contains("does not exist"_L1))
            return reached.error();
        DatabaseConfig admin = *config;
        admin.path = u"postgres"_s;
        Database adminDatabase(admin, admin.makeDialect());
        auto adminVersion = version(adminDatabase);
        if (!adminVersion)
            return reached.error();
        return u"%1 answers (PostgreSQL %2). Database '%3' does not exist yet: Vingt creates it at its next start "
               "(the user '%4' needs the CREATEDB privilege)."_s.arg(server, *adminVersion, config->path, config->user);
    }
    auto rows = database.exec(
        u"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'workspace\\_%'"_s);
    if (!rows)
        return rows.error();
    const qint64 workspaces = rows->next() ? rows->value(0).toLongLong() : 0;
    const QString holds = workspaces == 0   ? u"no Vingt data yet: Vingt sets it up at its next start"_s
                          : workspaces == 1 ? u"it holds 1 Vingt workspace"_s
                                            : u"it holds %1 Vingt workspaces"_s.arg(workspaces);
    return u"Connected to database '%1' on %2 (PostgreSQL %3); %4."_s.arg(config->path, server, *reached, holds);
}

Result<std::unique_ptr<Instance>> Instance::open(const InstanceOptions &options)
{
    std::unique_ptr<Instance> instance(new Instance);
    if (!options.databaseUrl.isEmpty()) {
        if (!options.dataDir.isEmpty())
            return Error::badRequest(u"Use either --data-dir or --database, not both"_s);
        // DECISIONS "Storage": schema `core` for the instance, one schema per workspace.
        auto config = DatabaseConfig::fromUrl(options.databaseUrl, u"core"_s);
        if (!config)
            return config.error();
        instance->m_dataDir = DatabaseConfig::redactedUrl(options.databaseUrl);
        instance->m_database = std::make_unique<Database>(*config, config->makeDialect());
    } else {
        instance->m_dataDir = QDir::cleanPath(options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir);
        QDir dir(instance->m_dataDir);
        if (!dir.mkpath(u"workspaces"_s))
            return Error::badRequest(u"Cannot create the data directory '%1'"_s.arg(instance->m_dataDir));
        instance->m_database = std::make_unique<Database>(
            DatabaseConfig{u"QSQLITE"_s, dir.filePath(u"instance.db"_s), 5000}, std::make_unique<SqliteDialect>());
    }
    Database &db = *instance->m_database;
    if (auto c = db.connection(); !c)
        return c.error();
    if (auto migrated = Migrator::migrate(db, u"instance"_s); !migrated)
        return migrated.error();

    // App secret: 32 random bytes, hex, generated at first start (§5.3). DO NOTHING keeps the first one when two
    // processes start at once.
    QByteArray secretBytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(secretBytes.data()),
                                         reinterpret_cast<quint32 *>(secretBytes.data() + secretBytes.size()));
    VINGT_TRY(db.exec(u"INSERT INTO core_setting (key, value) VALUES ('appSecret', ?) ON CONFLICT (key) DO NOTHING"_s,
                      {QString::fromLatin1(secretBytes.toHex())}));
    {
        auto rows = db.exec(u"SELECT key, value FROM core_setting"_s);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            const QString key = rows->value(0).toString();
            if (key == "appSecret"_L1)
                instance->m_appSecret = rows->value(1).toString().toLatin1();
            else if (key.startsWith("setting."_L1) && instance->m_settings.contains(key.mid(8)))
                (void)instance->m_settings.set(key.mid(8), rows->value(1).toString());
        }
    }
    VINGT_TRY(instance->m_settings.apply(options.settingOverrides));

    // The default workspace, created on first start.
    VINGT_TRY(db.transaction([&]() -> Result<void> {
        // Several servers starting on one PostgreSQL database: one creates it, the others wait and see it.
        if (const QString lock = db.dialect().migrationLock(); !lock.isEmpty())
            VINGT_TRY(db.exec(lock));
        auto rows = db.exec(u"SELECT COUNT(*) FROM core_workspace"_s);
        if (!rows)
            return rows.error();
        if (rows->next() && rows->value(0).toInt() > 0)
            return {};
        auto inserted = db.exec(u"INSERT INTO core_workspace (id, displayName, isDefault, createdAt) VALUES (?, ?, 1, "
                                "?)"_s,
                                {uuid::create(), u"My workspace"_s, clock::nowIso()});
        if (!inserted)
            return inserted.error();
        return {};
    }));
    {
        auto rows = db.exec(u"SELECT id, displayName FROM core_workspace ORDER BY isDefault DESC, createdAt"_s);
        if (!rows)
            return rows.error();
        std::vector<std::pair<QString, QString>> list;
        while (rows->next())
            list.emplace_back(rows->value(0).toString(), rows->value(1).toString());
        for (const auto &[id, name] : list) {
            auto ws = instance->openWorkspace(id, name);
            if (!ws)
                return ws.error();
            if (instance->m_defaultWorkspaceId.isEmpty())
                instance->m_defaultWorkspaceId = id;
        }
    }
    return instance;
}

Result<Workspace *> Instance::openWorkspace(const QString &id, const QString &displayName)
{
    auto workspace = Workspace::open(id, displayName, workspaceConfig(id), m_appSecret, m_settings);
    if (!workspace)
        return workspace.error();
    Workspace *raw = workspace->get();
    m_workspaces.emplace(id, std::move(workspace.value()));
    if (m_backgroundWork)
        raw->webhooks().startDelivery();
    return raw;
}

DatabaseConfig Instance::workspaceConfig(const QString &id) const
{
    if (m_database->config().isPostgres())
        return m_database->config().withSchema(u"workspace_"_s + QString(id).remove(u'-'));
    return DatabaseConfig{u"QSQLITE"_s, QDir(m_dataDir).filePath(u"workspaces/%1.db"_s.arg(id)), 5000};
}

void Instance::startBackgroundWork()
{
    std::lock_guard lock(m_mutex);
    m_backgroundWork = true;
    for (auto &[id, workspace] : m_workspaces)
        workspace->webhooks().startDelivery();
}

Workspace *Instance::defaultWorkspace()
{
    return workspace(m_defaultWorkspaceId);
}

Workspace *Instance::workspace(const QString &id)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_workspaces.find(id);
    if (it != m_workspaces.end())
        return it->second.get();
    if (!uuid::isValid(id))
        return nullptr;
    // Created by another process (the CLI) since we started?
    auto rows = m_database->exec(u"SELECT displayName FROM core_workspace WHERE id = ?"_s, {id});
    if (!rows || !rows->next())
        return nullptr;
    const QString name = rows->value(0).toString();
    auto opened = openWorkspace(id, name);
    return opened ? opened.value() : nullptr;
}

Result<QString> Instance::createWorkspace(const QString &displayName)
{
    if (displayName.trimmed().isEmpty())
        return Error::badRequest(u"A workspace needs a non-empty name"_s);
    const QString id = uuid::create();
    VINGT_TRY(
        m_database->exec(u"INSERT INTO core_workspace (id, displayName, isDefault, createdAt) VALUES (?, ?, 0, ?)"_s,
                         {id, displayName.trimmed(), clock::nowIso()}));
    std::lock_guard lock(m_mutex);
    auto ws = openWorkspace(id, displayName.trimmed());
    if (!ws)
        return ws.error();
    return id;
}

} // namespace vingt
