#include "services/apikeyservice.h"

#include "core/clock.h"
#include "core/json.h"
#include "core/jwt.h"
#include "core/uuid.h"
#include "services/apikeyusage.h"
#include "services/roleservice.h"
#include "services/workspace.h"

namespace vingt {

using namespace Qt::StringLiterals;

namespace {
const QString kSelect = u"SELECT k.id, k.name, k.expiresAt, k.revokedAt, k.roleId, r.label, k.createdAt, k.updatedAt, "
                        "k.lastUsedAt, r.version FROM core_apiKey k LEFT JOIN core_role r ON r.id = k.roleId"_s;

ApiKey readKey(Rows &rows)
{
    return ApiKey{rows.value(0).toString(),  rows.value(1).toString(), rows.value(2).toString(),
                  rows.value(3).toString(),  rows.value(4).toString(), rows.value(5).toString(),
                  rows.value(6).toString(),  rows.value(7).toString(), rows.value(8).toString(),
                  rows.value(9).toLongLong()};
}

Error keyNotFound(const QString &id)
{
    return Error{ErrorKind::NotFound, u"API key '%1' not found"_s.arg(id), u"API_KEY_NOT_FOUND"_s};
}

Error unknownField(const QString &name)
{
    return Error::badRequest(u"Field '%1' not found on object 'apiKey'"_s.arg(name));
}

Error required(QLatin1StringView name)
{
    return Error::badRequest(u"Field '%1' on object 'apiKey' is required"_s.arg(name));
}

/// A non-empty name.
Result<QString> nameValue(const QJsonValue &value)
{
    if (!value.isString())
        return Error::badRequest(u"Field 'name' on object 'apiKey' expects a string"_s);
    if (value.toString().trimmed().isEmpty())
        return Error::badRequest(u"Field 'name' on object 'apiKey' must not be empty"_s);
    return value.toString().trimmed();
}

/// An ISO 8601 date-time, normalized to the storage form.
Result<QString> dateValue(const QJsonValue &value, QLatin1StringView name)
{
    const auto parsed = value.isString() ? clock::parseIso(value.toString()) : std::nullopt;
    if (!parsed) {
        return Error::badRequest(u"Field '%1' on object 'apiKey' expects an ISO 8601 date-time, got '%2'"_s.arg(
            name, value.isString() ? value.toString() : QString::fromUtf8(json::serialize(value))));
    }
    return clock::toIso(*parsed);
}

Result<QString> uuidValue(const QJsonValue &value, QLatin1StringView name)
{
    if (!value.isString() || !uuid::isValid(value.toString())) {
        return Error::badRequest(u"Field '%1' on object 'apiKey' expects a UUID, got '%2'"_s.arg(
            name, value.isString() ? value.toString() : QString::fromUtf8(json::serialize(value))));
    }
    return value.toString().toLower();
}

qint64 msOf(const QString &iso)
{
    const auto parsed = clock::parseIso(iso);
    return parsed ? parsed->toMSecsSinceEpoch() : 0;
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

Result<ApiKey> ApiKeyService::load(const QString &id)
{
    if (!uuid::isValid(id))
        return keyNotFound(id);
    auto rows = m_workspace.database().exec(kSelect + u" WHERE k.id = ?"_s, {id.toLower()});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return keyNotFound(id);
    ApiKey key = readKey(*rows);
    if (const auto pending = m_workspace.apiKeyUsage().pendingLastUsedAt(key.id);
        pending && (key.lastUsedAt.isEmpty() || key.lastUsedAt < *pending)) {
        key.lastUsedAt = *pending;
    }
    return key;
}

Result<ApiKey> ApiKeyService::findForAuthentication(const QString &id)
{
    auto rows = m_workspace.database().exec(kSelect + u" WHERE k.id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return keyNotFound(id);
    return readKey(*rows);
}

Result<ApiKey> ApiKeyService::insert(const QString &name, const QString &expiresAt, const QString &revokedAt,
                                     const QString &roleId, const QString &now)
{
    const QString id = uuid::create();
    auto inserted = m_workspace.database().exec(
        u"INSERT INTO core_apiKey (id, name, expiresAt, revokedAt, roleId, createdAt, updatedAt) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {id, name, expiresAt, revokedAt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(revokedAt),
         roleId, now, now});
    if (!inserted)
        return inserted.error();
    return load(id);
}

Result<std::vector<ApiKey>> ApiKeyService::list(const Actor &actor, bool includeRevoked)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto rows = m_workspace.database().exec(kSelect + (includeRevoked ? QString() : u" WHERE k.revokedAt IS NULL"_s)
                                            + u" ORDER BY k.createdAt, k.id"_s);
    if (!rows)
        return rows.error();
    std::vector<ApiKey> keys;
    while (rows->next())
        keys.push_back(readKey(*rows));
    for (ApiKey &key : keys) {
        if (const auto pending = m_workspace.apiKeyUsage().pendingLastUsedAt(key.id);
            pending && (key.lastUsedAt.isEmpty() || key.lastUsedAt < *pending)) {
            key.lastUsedAt = *pending;
        }
    }
    return keys;
}

Result<ApiKey> ApiKeyService::get(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    return load(id);
}

Result<ApiKey> ApiKeyService::create(const Actor &actor, const QJsonObject &input)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        if (key != "name"_L1 && key != "expiresAt"_L1 && key != "roleId"_L1 && key != "revokedAt"_L1)
            return unknownField(key);
    }
    if (!input.contains("name"_L1))
        return required("name"_L1);
    auto name = nameValue(input.value("name"_L1));
    if (!name)
        return name.error();
    if (!input.contains("expiresAt"_L1) || input.value("expiresAt"_L1).isNull())
        return required("expiresAt"_L1);
    auto expiresAt = dateValue(input.value("expiresAt"_L1), "expiresAt"_L1);
    if (!expiresAt)
        return expiresAt.error();
    QString revokedAt;
    if (input.contains("revokedAt"_L1) && !input.value("revokedAt"_L1).isNull()) {
        auto revoked = dateValue(input.value("revokedAt"_L1), "revokedAt"_L1);
        if (!revoked)
            return revoked.error();
        revokedAt = *revoked;
    }
    // §5.1: the role is required (Vingt's choice: a 400 naming roleId) and must be assignable to API keys.
    if (!input.contains("roleId"_L1) || input.value("roleId"_L1).isNull())
        return Error::badRequest(u"Field 'roleId' on object 'apiKey' is required: every API key needs a role"_s);
    auto roleId = uuidValue(input.value("roleId"_L1), "roleId"_L1);
    if (!roleId)
        return roleId.error();
    auto role = m_workspace.roles().checkAssignableToApiKey(actor, *roleId);
    if (!role)
        return role.error();
    return insert(*name, *expiresAt, revokedAt, role->id, clock::nowIso());
}

Result<IssuedApiKey> ApiKeyService::issue(const Actor &actor, const QString &name, const QDateTime &expiresAt,
                                          const QString &roleId)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    if (name.trimmed().isEmpty())
        return Error::badRequest(u"An API key needs a non-empty name"_s);
    if (!expiresAt.isValid())
        return Error::badRequest(u"An API key needs a valid expiration date (ISO 8601)"_s);
    auto role = m_workspace.roles().checkAssignableToApiKey(actor, roleId);
    if (!role)
        return role.error();
    auto key = insert(name.trimmed(), clock::toIso(expiresAt), {}, role->id, clock::nowIso());
    if (!key)
        return key.error();
    return IssuedApiKey{*key, signToken(*key, expiresAt.toSecsSinceEpoch())};
}

Result<ApiKey> ApiKeyService::update(const Actor &actor, const QString &id, const QJsonObject &input)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto key = load(id);
    if (!key)
        return key.error();
    QStringList sets;
    QVariantList binds;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString name = it.key();
        const QJsonValue value = it.value();
        if (name == "id"_L1) {
            if (!value.isString() || value.toString().compare(key->id, Qt::CaseInsensitive) != 0)
                return Error::badRequest(u"Field 'id' on object 'apiKey' does not match the key being updated"_s);
        } else if (name == "name"_L1) {
            auto text = nameValue(value);
            if (!text)
                return text.error();
            sets << u"name = ?"_s;
            binds << *text;
        } else if (name == "expiresAt"_L1) {
            auto date = dateValue(value, "expiresAt"_L1);
            if (!date)
                return date.error();
            sets << u"expiresAt = ?"_s;
            binds << *date;
        } else if (name == "revokedAt"_L1) {
            QVariant revoked = QVariant(QMetaType::fromType<QString>());
            if (!value.isNull()) {
                auto date = dateValue(value, "revokedAt"_L1);
                if (!date)
                    return date.error();
                revoked = *date;
            }
            sets << u"revokedAt = ?"_s;
            binds << revoked;
        } else if (name == "roleId"_L1) {
            return Error::badRequest(u"Field 'roleId' on object 'apiKey' is changed with assignRoleToApiKey "
                                     "(POST /rest/metadata/apiKeys/{id}/role)"_s);
        } else {
            return unknownField(name);
        }
    }
    if (sets.isEmpty())
        return key;
    sets << u"updatedAt = ?"_s;
    binds << clock::nowIso() << key->id;
    auto rows = m_workspace.database().exec(u"UPDATE core_apiKey SET %1 WHERE id = ?"_s.arg(sets.join(u", "_s)), binds);
    if (!rows)
        return rows.error();
    return load(key->id);
}

Result<ApiKey> ApiKeyService::revoke(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto key = load(id);
    if (!key)
        return key.error();
    if (!key->revokedAt.isEmpty())
        return key;
    const QString now = clock::nowIso();
    auto rows = m_workspace.database().exec(
        u"UPDATE core_apiKey SET revokedAt = COALESCE(revokedAt, ?), updatedAt = ? WHERE id = ?"_s, {now, now, key->id});
    if (!rows)
        return rows.error();
    return load(key->id);
}

Result<IssuedApiKey> ApiKeyService::regenerate(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto old = load(id);
    if (!old)
        return old.error();
    if (!old->revokedAt.isEmpty())
        return Error::badRequest(u"This API Key is revoked"_s);
    if (old->roleId.isEmpty())
        return Error::badRequest(u"API key %1 has no role assigned"_s.arg(old->id), u"API_KEY_NO_ROLE_ASSIGNED"_s);
    VINGT_TRY(m_workspace.roles().checkNotMorePowerful(actor, old->roleId));

    // §5.5: the same lifetime, counted from now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowIso = clock::toIso(now);
    const QDateTime expiresAt = now.addMSecs(msOf(old->expiresAt) - msOf(old->createdAt));
    Database &db = m_workspace.database();
    ApiKey created;
    VINGT_TRY(db.transaction([&]() -> Result<void> {
        // Re-read inside the transaction: two concurrent regenerations must not both succeed.
        auto current = findForAuthentication(old->id);
        if (!current)
            return current.error();
        if (!current->revokedAt.isEmpty())
            return Error::badRequest(u"This API Key is revoked"_s);
        auto inserted = insert(old->name, clock::toIso(expiresAt), {}, old->roleId, nowIso);
        if (!inserted)
            return inserted.error();
        created = std::move(inserted.value());
        VINGT_TRY(
            db.exec(u"UPDATE core_apiKey SET revokedAt = ?, updatedAt = ? WHERE id = ?"_s, {nowIso, nowIso, old->id}));
        return {};
    }));
    return IssuedApiKey{created, signToken(created, expiresAt.toSecsSinceEpoch())};
}

Result<void> ApiKeyService::assignRole(const Actor &actor, const QString &apiKeyId, const QString &roleId)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto key = load(apiKeyId);
    if (!key)
        return key.error();
    auto role = m_workspace.roles().checkAssignableToApiKey(actor, roleId);
    if (!role)
        return role.error();
    auto rows = m_workspace.database().exec(u"UPDATE core_apiKey SET roleId = ?, updatedAt = ? WHERE id = ?"_s,
                                            {role->id, clock::nowIso(), key->id});
    if (!rows)
        return rows.error();
    return {};
}

Result<QByteArray> ApiKeyService::generateToken(const Actor &actor, const QString &apiKeyId, const QString &expiresAt)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto key = load(apiKeyId);
    if (!key)
        return key.error();
    if (!key->revokedAt.isEmpty())
        return Error{ErrorKind::PermissionDenied, u"This API Key is revoked"_s, u"API_KEY_REVOKED"_s};
    if (msOf(key->expiresAt) <= QDateTime::currentMSecsSinceEpoch())
        return Error::badRequest(u"This API Key has expired"_s, u"API_KEY_EXPIRED"_s);
    auto expiry = dateValue(QJsonValue(expiresAt), "expiresAt"_L1);
    if (!expiry)
        return expiry.error();
    if (key->roleId.isEmpty())
        return Error::badRequest(u"API key %1 has no role assigned"_s.arg(key->id), u"API_KEY_NO_ROLE_ASSIGNED"_s);
    VINGT_TRY(m_workspace.roles().checkNotMorePowerful(actor, key->roleId));
    return signToken(*key, msOf(*expiry) / 1000);
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
