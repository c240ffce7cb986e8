#pragma once

#include "core/result.h"
#include "services/actor.h"

#include <QDateTime>
#include <QJsonObject>
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
    QString lastUsedAt;     ///< last authenticated request, empty when never used (in-memory counters included)
    qint64 roleVersion = 0; ///< the role row's version: keys the AccessPolicy cache
};

/// @brief A key just created or regenerated, with its token: shown once, never stored.
struct IssuedApiKey {
    ApiKey key;
    QByteArray token;
};

/// @brief API keys of one workspace (§5.1–5.5): create, list, update, revoke, regenerate, assign a role, sign tokens,
/// and the key lookup of authentication (§5.4).
///
/// Every operation taking an Actor needs the `API_KEYS_AND_WEBHOOKS` flag (§5, 6.3; checked first, 403). No
/// privilege escalation: a key can only be created with, assigned, regenerated with or given a token for a role no
/// more powerful than the caller's own (RoleService::checkNotMorePowerful). Inputs are JSON objects shaped like the
/// GraphQL inputs; unknown members are 400s naming them (§0.4). Thread rule: stateless over the workspace database;
/// callable from any thread.
class ApiKeyService
{
public:
    explicit ApiKeyService(Workspace &workspace) : m_workspace(workspace) {}

    /// `apiKeys`: active keys (revokedAt IS NULL), or all of them with `includeRevoked`.
    [[nodiscard]] Result<std::vector<ApiKey>> list(const Actor &actor, bool includeRevoked = false);
    /// `apiKey`: one key, revoked or not; NotFound when unknown.
    [[nodiscard]] Result<ApiKey> get(const Actor &actor, const QString &id);
    /// `createApiKey`: `{name!, expiresAt!, roleId!, revokedAt?}`. The role is required (400 naming `roleId`) and must
    /// allow canBeAssignedToApiKeys (400). Returns the key without a token.
    [[nodiscard]] Result<ApiKey> create(const Actor &actor, const QJsonObject &input);
    /// Creates a key and signs its token (the CLI, the desktop app).
    [[nodiscard]] Result<IssuedApiKey> issue(const Actor &actor, const QString &name, const QDateTime &expiresAt,
                                             const QString &roleId);
    /// `updateApiKey`: `{id?, name?, expiresAt?, revokedAt?}` (an `id` must match).
    [[nodiscard]] Result<ApiKey> update(const Actor &actor, const QString &id, const QJsonObject &input);
    /// `revokeApiKey`: sets revokedAt = now (idempotent); NotFound when unknown.
    [[nodiscard]] Result<ApiKey> revoke(const Actor &actor, const QString &id);
    /// `regenerateApiKey` (§5.5), one transaction: a new key with the same name and role, expiring at now + (old
    /// expiresAt − old createdAt), its token, the old key revoked. Revoked → 400 `This API Key is revoked`.
    [[nodiscard]] Result<IssuedApiKey> regenerate(const Actor &actor, const QString &id);
    /// `assignRoleToApiKey`.
    [[nodiscard]] Result<void> assignRole(const Actor &actor, const QString &apiKeyId, const QString &roleId);
    /// `generateApiKeyToken`: a token for an existing key. Unknown → NotFound (`API_KEY_NOT_FOUND`); revoked →
    /// PermissionDenied `This API Key is revoked`; expired → 400 `This API Key has expired`.
    [[nodiscard]] Result<QByteArray> generateToken(const Actor &actor, const QString &apiKeyId,
                                                   const QString &expiresAt);

    /// The key row for authentication (§5.4 step 5), with its role's version; no guard. NotFound when unknown.
    [[nodiscard]] Result<ApiKey> findForAuthentication(const QString &id);
    /// Role id for a role label ("Admin") or id; NotFound naming the label.
    [[nodiscard]] Result<QString> roleIdByLabel(const QString &label);
    /// HS256 token for a key: {sub, type:"API_KEY", workspaceId, jti, iat, exp}.
    [[nodiscard]] QByteArray signToken(const ApiKey &key, qint64 expiresAtSecs) const;

private:
    [[nodiscard]] Result<ApiKey> load(const QString &id);
    [[nodiscard]] Result<ApiKey> insert(const QString &name, const QString &expiresAt, const QString &revokedAt,
                                        const QString &roleId, const QString &now);

    Workspace &m_workspace;
};

} // namespace vingt
