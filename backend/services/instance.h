#pragma once

#include "core/result.h"
#include "services/settings.h"
#include "storage/database.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <mutex>

namespace vingt {

class Workspace;

/// @brief How to open an instance: a data directory (SQLite) or a PostgreSQL URL.
struct InstanceOptions {
    QString dataDir;              ///< empty = the platform's app-data location (~/.local/share/vingt)
    QString databaseUrl;          ///< postgres://… : schema `core` for the instance, one schema per workspace
    QStringList settingOverrides; ///< "key=value", applied on top of the stored settings for this run
};

/// @brief A Vingt instance: instance.db or PostgreSQL schema `core` (settings, app secret, list of workspaces) and its
/// workspaces (a file, or a schema `workspace_<id>`, each).
/// Thread rule: workspace lookup is thread-safe; workspaces live as long as the instance.
class Instance
{
public:
    [[nodiscard]] static Result<std::unique_ptr<Instance>> open(const InstanceOptions &options);
    ~Instance();

    [[nodiscard]] static QString defaultDataDir();
    /// Connects to the PostgreSQL database of `url` (nothing is created) and says what is there, for a person checking
    /// a URL before using it (the desktop app's settings): the server's version and the Vingt workspaces it holds, or
    /// that the database does not exist yet (Vingt creates it at start). Errors name the part of the URL at fault.
    /// Blocks for up to the connect timeout: call it off the GUI thread.
    [[nodiscard]] static Result<QString> probeDatabase(const QString &url);
    /// The data directory, or the PostgreSQL URL without its password.
    [[nodiscard]] const QString &dataDir() const { return m_dataDir; }
    [[nodiscard]] bool isPostgres() const { return m_database->config().isPostgres(); }
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    [[nodiscard]] Database &database() { return *m_database; }

    /// The default workspace (created with the instance).
    [[nodiscard]] Workspace *defaultWorkspace();
    /// A workspace by id, opening it if another process created it meanwhile; nullptr when unknown.
    [[nodiscard]] Workspace *workspace(const QString &id);
    /// Starts the background work of every workspace, present and future: the webhook delivery workers. The server and
    /// the desktop app call it; CLI commands do not, so they never send deliveries.
    void startBackgroundWork();
    /// Creates a workspace with the standard data model; returns its id.
    [[nodiscard]] Result<QString> createWorkspace(const QString &displayName);

private:
    Instance() = default;
    [[nodiscard]] Result<Workspace *> openWorkspace(const QString &id, const QString &displayName);

    [[nodiscard]] DatabaseConfig workspaceConfig(const QString &id) const;

    QString m_dataDir;
    std::unique_ptr<Database> m_database;
    QByteArray m_appSecret;
    Settings m_settings;
    QString m_defaultWorkspaceId;
    std::mutex m_mutex;
    bool m_backgroundWork = false;
    std::map<QString, std::unique_ptr<Workspace>> m_workspaces;
};

} // namespace vingt
