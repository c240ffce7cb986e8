#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "model/ddl.h"
#include "services/apikeyservice.h"
#include "services/apikeyusage.h"
#include "services/metadataservice.h"
#include "services/modellock.h"
#include "services/ratelimiter.h"
#include "services/recordservice.h"
#include "services/roleservice.h"
#include "services/settings.h"
#include "services/webhookservice.h"
#include "storage/database.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>

namespace vingt {

/// @brief One workspace: its database (one SQLite file), its current data-model snapshot and its services.
/// Thread rule: services are callable from any thread; the snapshot is swapped atomically and readers keep the
/// snapshot they started with (DESIGN "Data and storage").
class Workspace
{
public:
    /// Opens (migrating) the workspace database at `path`; creates the standard data model on first open.
    [[nodiscard]] static Result<std::unique_ptr<Workspace>> open(const QString &id, const QString &displayName,
                                                                 const QString &path, const QByteArray &appSecret,
                                                                 const Settings &settings);
    /// The same on any store: a SQLite file or a PostgreSQL schema.
    [[nodiscard]] static Result<std::unique_ptr<Workspace>> open(const QString &id, const QString &displayName,
                                                                 const DatabaseConfig &config,
                                                                 const QByteArray &appSecret, const Settings &settings);
    ~Workspace();

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] const QString &displayName() const { return m_displayName; }
    [[nodiscard]] Database &database() { return *m_database; }
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    /// The current snapshot. On PostgreSQL, at most every 250 ms one caller first compares it with the data-model
    /// version in the database and reloads it when another server changed the model (issue 8: "within a second").
    [[nodiscard]] DataModelPtr dataModel() const;
    /// Reloads the snapshot from the metadata tables and publishes it.
    [[nodiscard]] Result<void> reloadDataModel();
    /// The record tables' existing indexes (SqlDialect::listIndexes()), what Ddl::migrate() reconciles against.
    [[nodiscard]] Result<Ddl::IndexNames> existingIndexes();
    /// Creates the indexes the current data model wants and its tables lack, and drops the ones it no longer wants
    /// (a workspace made by an older Vingt gains the indexes added since, e.g. the group-by indexes of issue 11).
    [[nodiscard]] Result<void> reconcileIndexes();
    /// Publishes a snapshot whose metadata rows were just committed (MetadataService, under the ModelLock).
    void publishDataModel(DataModelPtr model);
    /// HMAC key of this workspace's API key tokens: lowercase hex sha256(appSecret + workspaceId + "API_KEY") (§5.3).
    [[nodiscard]] const QByteArray &apiKeySecret() const { return m_apiKeySecret; }
    [[nodiscard]] const QString &adminRoleId() const { return m_adminRoleId; }

    [[nodiscard]] RecordService &records() { return *m_records; }
    [[nodiscard]] ApiKeyService &apiKeys() { return *m_apiKeys; }
    [[nodiscard]] RoleService &roles() { return *m_roles; }
    /// Webhooks, their deliveries and the delivery worker (§10); receives RecordService's events.
    [[nodiscard]] WebhookService &webhooks() { return *m_webhooks; }
    /// Changes to the data model (API-CONTRACT §3).
    [[nodiscard]] MetadataService &metadata() { return *m_metadata; }
    /// Requests hold it shared while they run; metadata changes hold it exclusively (DECISIONS "Storage").
    [[nodiscard]] ModelLock &modelLock() { return m_modelLock; }
    /// The two token buckets of API-CONTRACT §7, shared by all the workspace's API keys (and, on PostgreSQL, by every
    /// server on the database).
    [[nodiscard]] RateLimiter &rateLimiter() { return *m_rateLimiter; }
    /// In-memory per-key usage counters, flushed to the database every few seconds.
    [[nodiscard]] ApiKeyUsage &apiKeyUsage() { return *m_apiKeyUsage; }

    /// Standard ids of the seeded roles.
    static constexpr auto kAdminRoleId = "20202020-0001-0001-0001-000000000001";
    static constexpr auto kMemberRoleId = "20202020-0002-0001-0001-000000000002";

private:
    Workspace(QString id, QString displayName, std::unique_ptr<Database> database, QByteArray appSecret,
              const Settings &settings);
    [[nodiscard]] Result<void> bootstrap();

    QString m_id;
    QString m_displayName;
    std::unique_ptr<Database> m_database;
    QByteArray m_apiKeySecret;
    Settings m_settings;
    QString m_adminRoleId;
    void followDatabaseModel() const;

    mutable std::mutex m_modelMutex;
    mutable DataModelPtr m_dataModel; ///< mutable: dataModel() follows the database on PostgreSQL
    mutable std::atomic<qint64> m_lastModelCheckMs{0};
    std::unique_ptr<RecordService> m_records;
    std::unique_ptr<ApiKeyService> m_apiKeys;
    std::unique_ptr<RoleService> m_roles;
    std::unique_ptr<MetadataService> m_metadata;
    ModelLock m_modelLock;
    std::unique_ptr<RateLimiter> m_rateLimiter; ///< after m_database: may use it
    std::unique_ptr<ApiKeyUsage> m_apiKeyUsage; ///< declared after m_database: destroyed (last flush) before it
    std::unique_ptr<WebhookService> m_webhooks; ///< last: its worker stops before anything it uses goes away
};

} // namespace vingt
