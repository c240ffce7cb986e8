#include "services/apikeyservice.h"

#include "core/clock.h"
#include "core/jwt.h"
#include "core/uuid.h"
#include "services/workspace.h"

namespace vingt {

using namespace Qt::StringLiterals;

namespace {
const QString kSelect = u"SELECT k.id, k.name, k.expiresAt, k.revokedAt, k.roleId, r.label, k.createdAt, k.updatedAt "
                        "FROM core_apiKey k LEFT JOIN core_role r ON r.id = k.roleId"_s;

ApiKey readKey(Rows &rows)
{
    return ApiKey{rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
                  rows.value(3).toString(), rows.value(4).toString(), rows.value(5).toString(),
                  rows.value(6).toString(), rows.value(7).toString()};
}
} // namespace

QByteArray ApiKeyService::signToken(const ApiKey &key, qint64 expiresAtSecs) const
{
    const QJsonObject payload{
        {u"sub"_s, m_workspace.id()},
        {u"type"_s, u"API_KEY"_s},
        {u"workspaceId"_s, m_workspace.id()},
        {u"jti"_s, key.id},
        {u"iat"_s, QDateTime::currentSecsSinceEpoch()},
        {u"exp"_s, expiresAtSecs},
    };
    return jwt::signHs256(payload, m_workspace.apiKeySecret());
}

Result<IssuedApiKey> ApiKeyService::create(const QString &name, const QDateTime &expiresAt,
                                           const std::optional<QString> &roleId)
{
    if (name.trimmed().isEmpty())
        return Error::badRequest(u"An API key needs a non-empty name"_s);
    if (!expiresAt.isValid())
        return Error::badRequest(u"An API key needs a valid expiration date (ISO 8601)"_s);
    const QString role = roleId.value_or(m_workspace.adminRoleId());
    Database &db = m_workspace.database();
    {
        auto rows = db.exec(u"SELECT canBeAssignedToApiKeys FROM core_role WHERE id = ?"_s, {role});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return Error::badRequest(u"Role '%1' not found"_s.arg(role));
        if (!rows->value(0).toBool())
            return Error::badRequest(u"Role '%1' cannot be assigned to API keys"_s.arg(role));
    }
    const QString now = clock::nowIso();
    ApiKey key{uuid::create(), name.trimmed(), clock::toIso(expiresAt), {}, role, {}, now, now};
    auto inserted = db.exec(u"INSERT INTO core_apiKey (id, name, expiresAt, revokedAt, roleId, createdAt, updatedAt) "
                            "VALUES (?, ?, ?, NULL, ?, ?, ?)"_s,
                            {key.id, key.name, key.expiresAt, key.roleId, key.createdAt, key.updatedAt});
    if (!inserted)
        return inserted.error();
    auto stored = get(key.id);
    if (!stored)
        return stored.error();
    return IssuedApiKey{stored.value(), signToken(stored.value(), expiresAt.toSecsSinceEpoch())};
}

Result<std::vector<ApiKey>> ApiKeyService::list(bool includeRevoked)
{
    auto rows = m_workspace.database().exec(kSelect + (includeRevoked ? QString() : u" WHERE k.revokedAt IS NULL"_s) +
                                            u" ORDER BY k.createdAt, k.id"_s);
    if (!rows)
        return rows.error();
    std::vector<ApiKey> keys;
    while (rows->next())
        keys.push_back(readKey(*rows));
    return keys;
}

Result<ApiKey> ApiKeyService::get(const QString &id)
{
    auto rows = m_workspace.database().exec(kSelect + u" WHERE k.id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error::notFound(u"API key '%1' not found"_s.arg(id));
    return readKey(*rows);
}

Result<ApiKey> ApiKeyService::revoke(const QString &id)
{
    const QString now = clock::nowIso();
    auto rows = m_workspace.database().exec(
        u"UPDATE core_apiKey SET revokedAt = COALESCE(revokedAt, ?), updatedAt = ? WHERE id = ?"_s, {now, now, id});
    if (!rows)
        return rows.error();
    return get(id);
}

Result<QString> ApiKeyService::roleIdByLabel(const QString &label)
{
    auto rows = m_workspace.database().exec(u"SELECT id FROM core_role WHERE label = ? OR id = ?"_s, {label, label});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error::notFound(u"Role '%1' not found"_s.arg(label));
    return rows->value(0).toString();
}

} // namespace vingt
