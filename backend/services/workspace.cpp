#include "services/workspace.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/uuid.h"
#include "model/ddl.h"
#include "model/metadatastore.h"
#include "model/standardobjects.h"
#include "storage/migrator.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>

namespace vingt {

using namespace Qt::StringLiterals;

Workspace::Workspace(QString id, QString displayName, std::unique_ptr<Database> database, QByteArray appSecret,
                     const Settings &settings)
    : m_id(std::move(id))
    , m_displayName(std::move(displayName))
    , m_database(std::move(database))
    , m_settings(settings)
    , m_adminRoleId(QString::fromLatin1(kAdminRoleId))
{
    // API-CONTRACT §5.3: the HMAC key is the 64-character lowercase hex string itself (its ASCII bytes).
    m_apiKeySecret = QCryptographicHash::hash(appSecret + m_id.toUtf8() + "API_KEY", QCryptographicHash::Sha256).toHex();
    m_records = std::make_unique<RecordService>(*this);
    m_apiKeys = std::make_unique<ApiKeyService>(*this);
    m_roles = std::make_unique<RoleService>(*this);
    m_metadata = std::make_unique<MetadataService>(*this);
    // Issue 8: servers sharing a PostgreSQL database share the buckets through it; one SQLite process counts in memory.
    const RateLimitConfig limits = RateLimitConfig::fromSettings(m_settings);
    m_rateLimiter = m_database->config().isPostgres() ? std::make_unique<RateLimiter>(limits, *m_database)
                                                      : std::make_unique<RateLimiter>(limits);
    m_apiKeyUsage = std::make_unique<ApiKeyUsage>(*m_database);
    m_webhooks = std::make_unique<WebhookService>(*this);
    m_records->setEventSink(m_webhooks.get());
}

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &id, const QString &displayName, const QString &path,
                                                   const QByteArray &appSecret, const Settings &settings)
{
    return open(id, displayName, DatabaseConfig{u"QSQLITE"_s, path, 5000}, appSecret, settings);
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &id, const QString &displayName,
                                                   const DatabaseConfig &config, const QByteArray &appSecret,
                                                   const Settings &settings)
{
    auto database = std::make_unique<Database>(config, config.makeDialect());
    auto connection = database->connection();
    if (!connection)
        return connection.error();
    auto migrated = Migrator::migrate(*database, u"workspace"_s);
    if (!migrated)
        return migrated.error();
    std::unique_ptr<Workspace> workspace(new Workspace(id, displayName, std::move(database), appSecret, settings));
    bool fresh = true;
    {
        auto rows = workspace->m_database->exec(u"SELECT COUNT(*) FROM core_workspaceInfo"_s);
        if (!rows)
            return rows.error();
        fresh = rows->next() && rows->value(0).toInt() == 0;
    }
    if (fresh)
        VINGT_TRY(workspace->bootstrap());
    VINGT_TRY(workspace->reloadDataModel());
    if (auto reconciled = workspace->reconcileIndexes(); !reconciled) {
        // Not fatal: the workspace serves correct answers without them, only slower.
        qCWarning(lcServices).noquote() << "could not bring the indexes of workspace" << id
                                        << "up to date:" << reconciled.error().message;
    }
    return workspace;
}

Result<Ddl::IndexNames> Workspace::existingIndexes()
{
    Ddl::IndexNames existing;
    auto rows = m_database->exec(m_database->dialect().listIndexes());
    if (!rows)
        return rows.error();
    while (rows->next())
        existing[rows->value(0).toString()] << rows->value(1).toString();
    return existing;
}

Result<void> Workspace::reconcileIndexes()
{
    const DataModelPtr model = dataModel();
    auto existing = existingIndexes();
    if (!existing)
        return existing.error();
    if (Ddl::migrate(*model, *model, m_database->dialect(), *existing).isEmpty())
        return {};
    return m_database->transaction([&]() -> Result<void> {
        // Several servers starting on one PostgreSQL: one reconciles, the others find nothing left to do.
        if (const QString lock = m_database->dialect().migrationLock(); !lock.isEmpty())
            VINGT_TRY(m_database->exec(lock));
        auto current = existingIndexes();
        if (!current)
            return current.error();
        const QStringList statements = Ddl::migrate(*model, *model, m_database->dialect(), *current);
        for (const QString &statement : statements)
            VINGT_TRY(m_database->execScript(statement));
        qCInfo(lcServices).noquote() << "workspace" << m_id << "indexes brought up to date (" << statements.size()
                                     << "statements)";
        return {};
    });
}

DataModelPtr Workspace::dataModel() const
{
    if (m_database->config().isPostgres())
        followDatabaseModel();
    std::lock_guard lock(m_modelMutex);
    return m_dataModel;
}

void Workspace::followDatabaseModel() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 last = m_lastModelCheckMs.load();
    if (now - last < 250 || !m_lastModelCheckMs.compare_exchange_strong(last, now))
        return;
    if (m_database->inTransaction())
        return; // a metadata change of our own is running on this thread
    const Database::UncountedStatements uncounted;
    qint64 stored = 0;
    {
        auto rows = m_database->exec(u"SELECT dataModelVersion FROM core_workspaceInfo LIMIT 1"_s);
        if (!rows || !rows->next())
            return; // the database is away: keep serving the snapshot we have
        stored = rows->value(0).toLongLong();
    }
    {
        std::lock_guard lock(m_modelMutex);
        if (m_dataModel && m_dataModel->version() >= stored)
            return;
    }
    auto model = MetadataStore::load(*m_database);
    if (!model) {
        qCWarning(lcServices).noquote() << "reloading the data model failed:" << model.error().message;
        return;
    }
    qCInfo(lcServices).noquote() << "data model of workspace" << m_id << "changed by another server: version"
                                 << model.value()->version();
    std::lock_guard lock(m_modelMutex);
    if (!m_dataModel || m_dataModel->version() < model.value()->version())
        m_dataModel = std::move(model.value());
}

void Workspace::publishDataModel(DataModelPtr model)
{
    std::lock_guard lock(m_modelMutex);
    m_dataModel = std::move(model);
}

Result<void> Workspace::reloadDataModel()
{
    auto model = MetadataStore::load(*m_database);
    if (!model)
        return model.error();
    std::lock_guard lock(m_modelMutex);
    m_dataModel = std::move(model.value());
    return {};
}

Result<void> Workspace::bootstrap()
{
    Database &db = *m_database;
    const QString now = clock::nowIso();
    return db.transaction([&]() -> Result<void> {
        // Another process (a CLI call racing a first `serve`) may have bootstrapped it since we looked.
        if (const QString lock = db.dialect().migrationLock(); !lock.isEmpty())
            VINGT_TRY(db.exec(lock));
        {
            auto rows = db.exec(u"SELECT COUNT(*) FROM core_workspaceInfo"_s);
            if (!rows)
                return rows.error();
            if (rows->next() && rows->value(0).toInt() > 0)
                return {};
        }
        const QString memberRoleId = QString::fromLatin1(kMemberRoleId);
        VINGT_TRY(db.exec(u"INSERT INTO core_workspaceInfo (id, displayName, applicationId, defaultRoleId, "
                          "dataModelVersion, createdAt) VALUES (?, ?, ?, ?, 1, ?)"_s,
                          {m_id, m_displayName, uuid::create(), memberRoleId, now}));
        // API-CONTRACT §6.1: Admin (not editable, all permissions) and Member (the default role).
        const QString roleSql
            = u"INSERT INTO core_role (id, standardId, label, description, icon, isEditable, canUpdateAllSettings, "
              "canAccessAllTools, canReadAllObjectRecords, canUpdateAllObjectRecords, canSoftDeleteAllObjectRecords, "
              "canDestroyAllObjectRecords, canBeAssignedToUsers, canBeAssignedToAgents, canBeAssignedToApiKeys, "
              "createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s;
        VINGT_TRY(db.exec(roleSql, {m_adminRoleId, m_adminRoleId, u"Admin"_s, u"Admin role"_s, u"IconUserCog"_s, 0, 1,
                                    1, 1, 1, 1, 1, 1, 0, 1, now, now}));
        VINGT_TRY(db.exec(roleSql, {memberRoleId, memberRoleId, u"Member"_s, u"Member role"_s, u"IconUser"_s, 1, 0, 1,
                                    1, 1, 1, 1, 1, 0, 0, now, now}));

        const std::vector<ObjectMetadata> objects = standardObjects();
        for (const ObjectMetadata &object : objects)
            VINGT_TRY(MetadataStore::insertObject(db, object));
        const DataModel model(1, objects);
        for (const ObjectMetadata &object : model.objects()) {
            for (const QString &statement : Ddl::createTable(object, model, db.dialect()))
                VINGT_TRY(db.exec(statement));
        }
        for (const ObjectMetadata &object : model.objects()) {
            for (const QString &statement : Ddl::foreignKeys(object, model, db.dialect()))
                VINGT_TRY(db.exec(statement));
        }
        // The owner's workspace member (DECISIONS "Storage").
        const ObjectMetadata *member = model.objectBySingular(u"workspaceMember"_s);
        if (!member)
            return Error::internal(u"standard object workspaceMember missing"_s);
        const QJsonArray owner{QJsonObject{
            {u"name"_s, QJsonObject{{u"firstName"_s, u"Workspace"_s}, {u"lastName"_s, u"Owner"_s}}},
            {u"userEmail"_s, u"owner@localhost"_s},
        }};
        auto created = m_records->create(model, *member, owner, false, Actor::system(), 0);
        if (!created)
            return created.error();
        // The owner administers the workspace; other members get the default role (§6.1).
        VINGT_TRY(db.exec(u"INSERT INTO core_workspaceMemberRole (workspaceMemberId, roleId, createdAt, updatedAt) "
                          "VALUES (?, ?, ?, ?)"_s,
                          {created->front().id(), m_adminRoleId, now, now}));
        qCInfo(lcServices).noquote() << "created workspace" << m_id << "with" << objects.size() << "standard objects";
        return {};
    });
}

} // namespace vingt
