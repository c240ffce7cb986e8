#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace vingt {

class Workspace;

/// @brief One API key row (API-CONTRACT §5.1). Never holds a token.
struct ApiKey {
    QString id;
    QString name;
    QString expiresAt;
    QString revokedAt; ///< empty when active
    QString roleId;    ///< empty when the key has no role
    QString roleLabel;
    QString createdAt;
    QString updatedAt;
};

/// @brief A key just created or regenerated, with its token: shown once, never stored.
struct IssuedApiKey {
    ApiKey key;
    QByteArray token;
};

/// @brief API keys of one workspace: create, list, revoke, sign tokens (§5.3), load a key for authentication (§5.4).
/// Thread rule: stateless over the workspace database; callable from any thread.
class ApiKeyService
{
public:
    explicit ApiKeyService(Workspace &workspace) : m_workspace(workspace) {}

    /// Creates a key with a role (default: Admin) and signs its token. `name` must be non-empty.
    [[nodiscard]] Result<IssuedApiKey> create(const QString &name, const QDateTime &expiresAt,
                                              const std::optional<QString> &roleId = std::nullopt);
    /// Keys; revoked ones only when asked.
    [[nodiscard]] Result<std::vector<ApiKey>> list(bool includeRevoked = false);
    /// One key by id, revoked or not; NotFound when unknown.
    [[nodiscard]] Result<ApiKey> get(const QString &id);
    /// Sets revokedAt = now (idempotent); NotFound when unknown.
    [[nodiscard]] Result<ApiKey> revoke(const QString &id);
    /// Role id for a role label ("Admin"); NotFound naming the label.
    [[nodiscard]] Result<QString> roleIdByLabel(const QString &label);
    /// HS256 token for a key: {sub, type:"API_KEY", workspaceId, jti, iat, exp}.
    [[nodiscard]] QByteArray signToken(const ApiKey &key, qint64 expiresAtSecs) const;

private:
    Workspace &m_workspace;
};

} // namespace vingt
