#include "services/roleservice.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "services/workspace.h"
#include "storage/database.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <map>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

const QString kRoleColumns
    = u"id, standardId, label, description, icon, isEditable, canUpdateAllSettings, canAccessAllTools, "
      "canReadAllObjectRecords, canUpdateAllObjectRecords, canSoftDeleteAllObjectRecords, canDestroyAllObjectRecords, "
      "canBeAssignedToUsers, canBeAssignedToAgents, canBeAssignedToApiKeys, version, createdAt, updatedAt"_s;

struct OptionalBoolMember {
    QLatin1StringView name;
    std::optional<bool> ObjectPermission::*member;
};

const std::array kObjectPermissionMembers{
    OptionalBoolMember{"canReadObjectRecords"_L1, &ObjectPermission::canReadObjectRecords},
    OptionalBoolMember{"canUpdateObjectRecords"_L1, &ObjectPermission::canUpdateObjectRecords},
    OptionalBoolMember{"canSoftDeleteObjectRecords"_L1, &ObjectPermission::canSoftDeleteObjectRecords},
    OptionalBoolMember{"canDestroyObjectRecords"_L1, &ObjectPermission::canDestroyObjectRecords},
};

Error invalidArg(const QString &message)
{
    return Error::badRequest(message, u"INVALID_ARG"_s);
}

Error forbidden(const QString &message, const QString &code)
{
    return Error{ErrorKind::PermissionDenied, message, code};
}

Error roleNotFound(const QString &id)
{
    return Error{ErrorKind::NotFound, u"Role '%1' not found"_s.arg(id), u"ROLE_NOT_FOUND"_s};
}

Error unknownField(const QString &name, QLatin1StringView object)
{
    return Error::badRequest(u"Field '%1' not found on object '%2'"_s.arg(name, object));
}

Error expects(const QString &name, QLatin1StringView object, QLatin1StringView what)
{
    return Error::badRequest(u"Field '%1' on object '%2' expects %3"_s.arg(name, object, what));
}

std::optional<bool> optionalBool(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toBool();
}

QVariant sqlBool(const std::optional<bool> &value)
{
    return value ? QVariant(*value ? 1 : 0) : QVariant(QMetaType::fromType<int>());
}

QVariant sqlText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

Role readRole(Rows &rows)
{
    Role role;
    role.id = rows.value(0).toString();
    role.standardId = rows.value(1).toString();
    role.label = rows.value(2).toString();
    role.description = rows.value(3).toString();
    role.icon = rows.value(4).toString();
    role.isEditable = rows.value(5).toBool();
    for (std::size_t i = 0; i < kRoleBooleans.size(); ++i)
        role.*kRoleBooleans[i].member = rows.value(int(6 + i)).toBool();
    role.version = rows.value(15).toLongLong();
    role.createdAt = rows.value(16).toString();
    role.updatedAt = rows.value(17).toString();
    return role;
}

/// The effective object-level values of a role for one object (override ?? role-wide).
struct ObjectRights {
    bool read, update, softDelete, destroy;
};

ObjectRights effectiveRights(const Role &role, const QString &objectMetadataId)
{
    ObjectRights rights{role.canReadAllObjectRecords, role.canUpdateAllObjectRecords,
                        role.canSoftDeleteAllObjectRecords, role.canDestroyAllObjectRecords};
    for (const ObjectPermission &p : role.objectPermissions) {
        if (p.objectMetadataId != objectMetadataId)
            continue;
        rights.read = p.canReadObjectRecords.value_or(rights.read);
        rights.update = p.canUpdateObjectRecords.value_or(rights.update);
        rights.softDelete = p.canSoftDeleteObjectRecords.value_or(rights.softDelete);
        rights.destroy = p.canDestroyObjectRecords.value_or(rights.destroy);
    }
    return rights;
}

/// Applies a CreateRoleInput / UpdateRolePayload to `role` (`id` is the caller's business).
Result<void> applyRoleInput(Role &role, const QJsonObject &input, bool creating)
{
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == "id"_L1 && creating)
            continue;
        if (key == "label"_L1) {
            if (!value.isString())
                return expects(key, "role"_L1, "a string"_L1);
            if (value.toString().trimmed().isEmpty())
                return Error::badRequest(u"Field 'label' on object 'role' must not be empty"_s);
            role.label = value.toString().trimmed();
            continue;
        }
        if (key == "description"_L1 || key == "icon"_L1) {
            if (!value.isString() && !value.isNull())
                return expects(key, "role"_L1, "a string"_L1);
            (key == "icon"_L1 ? role.icon : role.description) = value.toString();
            continue;
        }
        const auto member = std::find_if(kRoleBooleans.begin(), kRoleBooleans.end(),
                                         [&key](const RoleBoolean &m) { return key == m.name; });
        if (member == kRoleBooleans.end())
            return unknownField(key, "role"_L1);
        if (value.isNull())
            continue; // an optional input left unset
        if (!value.isBool())
            return expects(key, "role"_L1, "a boolean"_L1);
        role.*member->member = value.toBool();
    }
    return {};
}

/// Rules on a role's own values (§6.2, 6.6).
Result<void> validateRole(const Role &role)
{
    if (!role.canReadAllObjectRecords
        && (role.canUpdateAllObjectRecords || role.canSoftDeleteAllObjectRecords || role.canDestroyAllObjectRecords)) {
        return invalidArg(u"Cannot give writing permission without reading permission"_s);
    }
    if (!role.canBeAssignedToUsers && !role.canBeAssignedToAgents && !role.canBeAssignedToApiKeys)
        return invalidArg(u"Role must be assignable to at least one target type"_s);
    return {};
}

/// The object an object- or field-permission entry names: a UUID of an object of the snapshot, not a system one.
Result<const ObjectMetadata *> permissionObject(const DataModel &model, const QJsonObject &entry,
                                                QLatin1StringView entity, QLatin1StringView systemMessage)
{
    const QJsonValue id = entry.value("objectMetadataId"_L1);
    if (id.isUndefined() || id.isNull())
        return Error::badRequest(u"Field 'objectMetadataId' on object '%1' is required"_s.arg(entity));
    if (!id.isString() || !uuid::isValid(id.toString()))
        return expects(u"objectMetadataId"_s, entity, "a UUID"_L1);
    const ObjectMetadata *object = model.objectById(id.toString().toLower());
    if (!object)
        return Error::badRequest(u"Object metadata '%1' not found"_s.arg(id.toString()), u"OBJECT_METADATA_NOT_FOUND"_s);
    if (object->isSystem)
        return invalidArg(QString(systemMessage));
    return object;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------------
// Loading

Result<std::optional<Role>> RoleService::load(const QString &id)
{
    Database &db = m_workspace.database();
    std::optional<Role> role;
    {
        auto rows = db.exec(u"SELECT %1 FROM core_role WHERE id = ?"_s.arg(kRoleColumns), {id});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return role;
        role = readRole(*rows);
    }
    {
        auto rows = db.exec(u"SELECT id, roleId, objectMetadataId, canReadObjectRecords, canUpdateObjectRecords, "
                            "canSoftDeleteObjectRecords, canDestroyObjectRecords FROM core_objectPermission "
                            "WHERE roleId = ? ORDER BY objectMetadataId"_s,
                            {id});
        if (!rows)
            return rows.error();
        while (rows->next()) {
            role->objectPermissions.push_back(
                ObjectPermission{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                                 optionalBool(rows->value(3)), optionalBool(rows->value(4)),
                                 optionalBool(rows->value(5)), optionalBool(rows->value(6))});
        }
    }
    {
        auto rows = db.exec(u"SELECT id, roleId, objectMetadataId, fieldMetadataId, canReadFieldValue, "
                            "canUpdateFieldValue FROM core_fieldPermission WHERE roleId = ? "
                            "ORDER BY objectMetadataId, fieldMetadataId"_s,
                            {id});
        if (!rows)
            return rows.error();
        while (rows->next()) {
            role->fieldPermissions.push_back(
                FieldPermission{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                                rows->value(3).toString(), optionalBool(rows->value(4)), optionalBool(rows->value(5))});
        }
    }
    {
        auto rows = db.exec(u"SELECT id, roleId, flag FROM core_permissionFlag WHERE roleId = ? ORDER BY flag"_s, {id});
        if (!rows)
            return rows.error();
        while (rows->next()) {
            role->permissionFlags.push_back(
                RolePermissionFlag{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()});
        }
    }
    return role;
}

Result<Role> RoleService::loadExisting(const QString &id)
{
    if (!uuid::isValid(id))
        return roleNotFound(id);
    auto role = load(id.toLower());
    if (!role)
        return role.error();
    if (!*role)
        return roleNotFound(id);
    return std::move(**role);
}

Result<Role> RoleService::loadEditable(const QString &id)
{
    auto role = loadExisting(id);
    if (!role)
        return role.error();
    if (!role->isEditable)
        return forbidden(u"Role is not editable"_s, u"ROLE_NOT_EDITABLE"_s);
    return role;
}

Result<QString> RoleService::defaultRoleId()
{
    auto rows = m_workspace.database().exec(u"SELECT defaultRoleId FROM core_workspaceInfo LIMIT 1"_s);
    if (!rows)
        return rows.error();
    return rows->next() ? rows->value(0).toString() : QString();
}

Result<void> RoleService::attachTargets(std::vector<Role> &roles)
{
    Database &db = m_workspace.database();
    auto defaultId = defaultRoleId();
    if (!defaultId)
        return defaultId.error();
    QHash<QString, Role *> byId;
    for (Role &role : roles) {
        role.isDefault = role.id == *defaultId;
        byId.insert(role.id, &role);
    }
    {
        auto rows = db.exec(u"SELECT id, name, expiresAt, revokedAt, roleId FROM core_apiKey WHERE roleId IS NOT NULL "
                            "ORDER BY createdAt, id"_s);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            if (Role *role = byId.value(rows->value(4).toString()))
                role->apiKeys.push_back(RoleApiKey{rows->value(0).toString(), rows->value(1).toString(),
                                                   rows->value(2).toString(), rows->value(3).toString()});
        }
    }
    // Workspace members: an explicit assignment, else the default role.
    const DataModelPtr model = m_workspace.dataModel();
    const ObjectMetadata *member = model ? model->objectBySingular(u"workspaceMember"_s) : nullptr;
    if (!member || !member->column(u"nameFirstName"_s) || !member->column(u"nameLastName"_s)
        || !member->column(u"userEmail"_s)) {
        return {};
    }
    QHash<QString, QString> assigned;
    {
        auto rows = db.exec(u"SELECT workspaceMemberId, roleId FROM core_workspaceMemberRole"_s);
        if (!rows)
            return rows.error();
        while (rows->next())
            assigned.insert(rows->value(0).toString(), rows->value(1).toString());
    }
    const SqlDialect &dialect = db.dialect();
    const QString deleted = member->column(u"deletedAt"_s) ? u" WHERE %1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s))
                                                           : QString();
    auto rows = db.exec(u"SELECT %1, %2, %3, %4 FROM %5%6 ORDER BY %1"_s.arg(
        dialect.quote(u"id"_s), dialect.quote(u"nameFirstName"_s), dialect.quote(u"nameLastName"_s),
        dialect.quote(u"userEmail"_s), dialect.quote(member->tableName()), deleted));
    if (!rows)
        return rows.error();
    while (rows->next()) {
        const QString id = rows->value(0).toString();
        if (Role *role = byId.value(assigned.value(id, *defaultId))) {
            role->workspaceMembers.push_back(
                RoleMember{id, rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString()});
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------------------------
// Reads

Result<std::vector<Role>> RoleService::list(const Actor &actor)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    QStringList ids;
    {
        auto rows = m_workspace.database().exec(u"SELECT id FROM core_role ORDER BY createdAt, label"_s);
        if (!rows)
            return rows.error();
        while (rows->next())
            ids << rows->value(0).toString();
    }
    std::vector<Role> roles;
    for (const QString &id : std::as_const(ids)) {
        auto role = load(id);
        if (!role)
            return role.error();
        if (*role)
            roles.push_back(std::move(**role));
    }
    VINGT_TRY(attachTargets(roles));
    return roles;
}

Result<Role> RoleService::get(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto role = loadExisting(id);
    if (!role)
        return role.error();
    std::vector<Role> one{std::move(role.value())};
    VINGT_TRY(attachTargets(one));
    return std::move(one.front());
}

// ---------------------------------------------------------------------------------------------------------------------
// Privilege escalation

Result<void> RoleService::checkCovered(const Actor &caller, const Role &role) const
{
    const AccessPolicy *mine = caller.restrictions();
    if (!mine)
        return {};
    const AccessPolicyPtr target = AccessPolicy::build(role, mine->model() ? mine->model() : m_workspace.dataModel());
    if (!target->isCoveredBy(*mine))
        return Error::permissionDenied();
    return {};
}

Result<void> RoleService::checkNotMorePowerful(const Actor &caller, const QString &roleId)
{
    if (!caller.restrictions())
        return {};
    auto role = loadExisting(roleId);
    if (!role)
        return role.error();
    return checkCovered(caller, *role);
}

Result<Role> RoleService::checkAssignableToApiKey(const Actor &caller, const QString &roleId)
{
    auto role = loadExisting(roleId);
    if (!role)
        return role.error();
    if (!role->canBeAssignedToApiKeys)
        return Error::badRequest(u"Role '%1' cannot be assigned to API keys"_s.arg(role->label));
    VINGT_TRY(checkCovered(caller, *role));
    return role;
}

// ---------------------------------------------------------------------------------------------------------------------
// Writes

Result<void> RoleService::bumpVersion(const QString &roleId)
{
    auto rows = m_workspace.database().exec(u"UPDATE core_role SET version = version + 1, updatedAt = ? WHERE id = ?"_s,
                                            {clock::nowIso(), roleId});
    if (!rows)
        return rows.error();
    return {};
}

void RoleService::forget(const QString &roleId)
{
    std::lock_guard lock(m_cacheMutex);
    m_cache.remove(roleId);
}

Result<Role> RoleService::create(const Actor &actor, const QJsonObject &input)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    Database &db = m_workspace.database();
    Role role;
    if (input.contains("id"_L1) && !input.value("id"_L1).isNull()) {
        const QJsonValue id = input.value("id"_L1);
        if (!id.isString() || !uuid::isValid(id.toString()))
            return expects(u"id"_s, "role"_L1, "a UUID"_L1);
        role.id = id.toString().toLower();
        auto existing = load(role.id);
        if (!existing)
            return existing.error();
        if (*existing)
            return Error::badRequest(u"Role '%1' already exists"_s.arg(role.id));
    } else {
        role.id = uuid::create();
    }
    if (!input.contains("label"_L1))
        return Error::badRequest(u"Field 'label' on object 'role' is required"_s);
    VINGT_TRY(applyRoleInput(role, input, true));
    VINGT_TRY(validateRole(role));
    {
        auto rows = db.exec(u"SELECT id FROM core_role WHERE label = ?"_s, {role.label});
        if (!rows)
            return rows.error();
        if (rows->next())
            return Error::badRequest(u"A role with this label already exists"_s, u"ROLE_LABEL_ALREADY_EXISTS"_s);
    }
    VINGT_TRY(checkCovered(actor, role));
    const QString now = clock::nowIso();
    QVariantList binds{
        role.id, QVariant(QMetaType::fromType<QString>()), role.label, sqlText(role.description), sqlText(role.icon),
        1};
    for (const RoleBoolean &member : kRoleBooleans)
        binds << (role.*member.member ? 1 : 0);
    binds << 1 << now << now;
    auto inserted = db.exec(
        u"INSERT INTO core_role (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s.arg(kRoleColumns), binds);
    if (!inserted) {
        if (inserted.error().code == QLatin1StringView(dberror::kUnique))
            return Error::badRequest(u"A role with this label already exists"_s, u"ROLE_LABEL_ALREADY_EXISTS"_s);
        return inserted.error();
    }
    return get(Actor::system(), role.id);
}

Result<Role> RoleService::update(const Actor &actor, const QString &id, const QJsonObject &update)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto before = loadEditable(id);
    if (!before)
        return before.error();
    Role role = *before;
    VINGT_TRY(applyRoleInput(role, update, false));
    VINGT_TRY(validateRole(role));
    Database &db = m_workspace.database();
    {
        auto rows = db.exec(u"SELECT id FROM core_role WHERE label = ? AND id <> ?"_s, {role.label, role.id});
        if (!rows)
            return rows.error();
        if (rows->next())
            return Error::badRequest(u"A role with this label already exists"_s, u"ROLE_LABEL_ALREADY_EXISTS"_s);
    }
    VINGT_TRY(checkCovered(actor, *before));
    VINGT_TRY(checkCovered(actor, role));
    QStringList sets{u"label = ?"_s, u"description = ?"_s, u"icon = ?"_s};
    QVariantList binds{role.label, sqlText(role.description), sqlText(role.icon)};
    for (const RoleBoolean &member : kRoleBooleans) {
        sets << QString(member.name) + u" = ?"_s;
        binds << (role.*member.member ? 1 : 0);
    }
    sets << u"version = version + 1"_s << u"updatedAt = ?"_s;
    binds << clock::nowIso() << role.id;
    auto updated = db.exec(u"UPDATE core_role SET %1 WHERE id = ?"_s.arg(sets.join(u", "_s)), binds);
    if (!updated) {
        if (updated.error().code == QLatin1StringView(dberror::kUnique))
            return Error::badRequest(u"A role with this label already exists"_s, u"ROLE_LABEL_ALREADY_EXISTS"_s);
        return updated.error();
    }
    forget(role.id);
    return get(Actor::system(), role.id);
}

Result<QString> RoleService::remove(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto role = loadEditable(id);
    if (!role)
        return role.error();
    auto defaultId = defaultRoleId();
    if (!defaultId)
        return defaultId.error();
    if (role->id == *defaultId)
        return forbidden(u"Default role cannot be deleted"_s, u"DEFAULT_ROLE_CANNOT_BE_DELETED"_s);
    VINGT_TRY(checkCovered(actor, *role));
    Database &db = m_workspace.database();
    VINGT_TRY(db.transaction([&]() -> Result<void> {
        // Members without an assignment have the default role (§6.4); keys lose the role (§5.5).
        VINGT_TRY(db.exec(u"DELETE FROM core_workspaceMemberRole WHERE roleId = ?"_s, {role->id}));
        VINGT_TRY(db.exec(u"UPDATE core_apiKey SET roleId = NULL, updatedAt = ? WHERE roleId = ?"_s,
                          {clock::nowIso(), role->id}));
        VINGT_TRY(db.exec(u"DELETE FROM core_role WHERE id = ?"_s, {role->id}));
        return {};
    }));
    forget(role->id);
    return role->id;
}

Result<std::vector<ObjectPermission>> RoleService::upsertObjectPermissions(const Actor &actor, const QString &roleId,
                                                                           const QJsonArray &entries)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto before = loadEditable(roleId);
    if (!before)
        return before.error();
    const DataModelPtr model = m_workspace.dataModel();
    Role role = *before;
    std::vector<QString> touched;
    for (const QJsonValue &value : entries) {
        if (!value.isObject())
            return Error::badRequest(u"Each entry of 'objectPermissions' must be an object"_s);
        const QJsonObject entry = value.toObject();
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            const bool known = it.key() == "objectMetadataId"_L1
                               || std::any_of(kObjectPermissionMembers.begin(), kObjectPermissionMembers.end(),
                                              [&it](const OptionalBoolMember &m) { return it.key() == m.name; });
            if (!known)
                return unknownField(it.key(), "objectPermission"_L1);
        }
        auto object = permissionObject(*model, entry, "objectPermission"_L1,
                                       "Cannot add object permission on system object"_L1);
        if (!object)
            return object.error();
        auto existing = std::find_if(role.objectPermissions.begin(), role.objectPermissions.end(),
                                     [&](const ObjectPermission &p) { return p.objectMetadataId == (*object)->id; });
        if (existing == role.objectPermissions.end()) {
            role.objectPermissions.push_back(ObjectPermission{uuid::create(), role.id, (*object)->id, {}, {}, {}, {}});
            existing = role.objectPermissions.end() - 1;
        }
        for (const OptionalBoolMember &member : kObjectPermissionMembers) {
            if (!entry.contains(member.name))
                continue; // absent: unchanged
            const QJsonValue flag = entry.value(member.name);
            if (!flag.isBool() && !flag.isNull())
                return expects(QString(member.name), "objectPermission"_L1, "a boolean or null"_L1);
            (*existing).*member.member = flag.isNull() ? std::nullopt : std::optional<bool>(flag.toBool());
        }
        const ObjectRights rights = effectiveRights(role, (*object)->id);
        if (!rights.read && (rights.update || rights.softDelete || rights.destroy))
            return invalidArg(u"Cannot give update permission to non-readable object"_s);
        if (std::find(touched.begin(), touched.end(), (*object)->id) == touched.end())
            touched.push_back((*object)->id);
    }
    VINGT_TRY(checkCovered(actor, *before));
    VINGT_TRY(checkCovered(actor, role));
    Database &db = m_workspace.database();
    const QString now = clock::nowIso();
    VINGT_TRY(db.transaction([&]() -> Result<void> {
        for (const ObjectPermission &p : role.objectPermissions) {
            if (std::find(touched.begin(), touched.end(), p.objectMetadataId) == touched.end())
                continue;
            VINGT_TRY(db.exec(
                u"INSERT INTO core_objectPermission (id, roleId, objectMetadataId, canReadObjectRecords, "
                "canUpdateObjectRecords, canSoftDeleteObjectRecords, canDestroyObjectRecords, createdAt, updatedAt) "
                "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (roleId, objectMetadataId) DO UPDATE SET "
                "canReadObjectRecords = excluded.canReadObjectRecords, canUpdateObjectRecords = "
                "excluded.canUpdateObjectRecords, canSoftDeleteObjectRecords = excluded.canSoftDeleteObjectRecords, "
                "canDestroyObjectRecords = excluded.canDestroyObjectRecords, updatedAt = excluded.updatedAt"_s,
                {p.id, role.id, p.objectMetadataId, sqlBool(p.canReadObjectRecords), sqlBool(p.canUpdateObjectRecords),
                 sqlBool(p.canSoftDeleteObjectRecords), sqlBool(p.canDestroyObjectRecords), now, now}));
        }
        return bumpVersion(role.id);
    }));
    forget(role.id);
    auto stored = loadExisting(role.id);
    if (!stored)
        return stored.error();
    return std::move(stored->objectPermissions);
}

Result<std::vector<FieldPermission>> RoleService::upsertFieldPermissions(const Actor &actor, const QString &roleId,
                                                                         const QJsonArray &entries)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto before = loadEditable(roleId);
    if (!before)
        return before.error();
    const DataModelPtr model = m_workspace.dataModel();
    Role role = *before;
    std::vector<QString> touched; // field ids
    for (const QJsonValue &value : entries) {
        if (!value.isObject())
            return Error::badRequest(u"Each entry of 'fieldPermissions' must be an object"_s);
        const QJsonObject entry = value.toObject();
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (it.key() != "objectMetadataId"_L1 && it.key() != "fieldMetadataId"_L1
                && it.key() != "canReadFieldValue"_L1 && it.key() != "canUpdateFieldValue"_L1) {
                return unknownField(it.key(), "fieldPermission"_L1);
            }
        }
        auto object = permissionObject(*model, entry, "fieldPermission"_L1,
                                       "Cannot add field permission on system object"_L1);
        if (!object)
            return object.error();
        const QJsonValue fieldId = entry.value("fieldMetadataId"_L1);
        if (fieldId.isUndefined() || fieldId.isNull())
            return Error::badRequest(u"Field 'fieldMetadataId' on object 'fieldPermission' is required"_s);
        if (!fieldId.isString() || !uuid::isValid(fieldId.toString()))
            return expects(u"fieldMetadataId"_s, "fieldPermission"_L1, "a UUID"_L1);
        const FieldMetadata *field = (*object)->fieldById(fieldId.toString().toLower());
        if (!field) {
            return Error::badRequest(
                u"Field metadata '%1' not found on object '%2'"_s.arg(fieldId.toString(), (*object)->nameSingular),
                u"FIELD_METADATA_NOT_FOUND"_s);
        }
        if (field->name == "id"_L1)
            return invalidArg(u"The 'id' field cannot be restricted"_s);
        auto existing = std::find_if(role.fieldPermissions.begin(), role.fieldPermissions.end(),
                                     [&](const FieldPermission &p) { return p.fieldMetadataId == field->id; });
        if (existing == role.fieldPermissions.end()) {
            role.fieldPermissions.push_back(
                FieldPermission{uuid::create(), role.id, (*object)->id, field->id, std::nullopt, std::nullopt});
            existing = role.fieldPermissions.end() - 1;
        }
        for (const auto &[name, member] : {std::pair{"canReadFieldValue"_L1, &FieldPermission::canReadFieldValue},
                                           std::pair{"canUpdateFieldValue"_L1, &FieldPermission::canUpdateFieldValue}}) {
            if (!entry.contains(name))
                continue;
            const QJsonValue flag = entry.value(name);
            if (!flag.isBool() && !flag.isNull())
                return expects(QString(name), "fieldPermission"_L1, "false or null"_L1);
            if (flag.isBool() && flag.toBool())
                return invalidArg(u"Field permission can only introduce a restriction"_s);
            (*existing).*member = flag.isNull() ? std::nullopt : std::optional<bool>(false);
        }
        const ObjectRights rights = effectiveRights(role, (*object)->id);
        if (!rights.read)
            return invalidArg(u"Field restriction only makes sense on readable object"_s);
        if (existing->canUpdateFieldValue == false && !rights.update)
            return invalidArg(u"Field restriction on update only makes sense on updatable object"_s);
        if (std::find(touched.begin(), touched.end(), field->id) == touched.end())
            touched.push_back(field->id);
    }
    VINGT_TRY(checkCovered(actor, *before));
    VINGT_TRY(checkCovered(actor, role));
    Database &db = m_workspace.database();
    const QString now = clock::nowIso();
    VINGT_TRY(db.transaction([&]() -> Result<void> {
        for (const FieldPermission &p : role.fieldPermissions) {
            if (std::find(touched.begin(), touched.end(), p.fieldMetadataId) == touched.end())
                continue;
            if (!p.canReadFieldValue && !p.canUpdateFieldValue) { // both reset: no restriction left
                VINGT_TRY(db.exec(u"DELETE FROM core_fieldPermission WHERE roleId = ? AND fieldMetadataId = ?"_s,
                                  {role.id, p.fieldMetadataId}));
                continue;
            }
            VINGT_TRY(db.exec(
                u"INSERT INTO core_fieldPermission (id, roleId, objectMetadataId, fieldMetadataId, canReadFieldValue, "
                "canUpdateFieldValue, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (roleId, "
                "fieldMetadataId) DO UPDATE SET canReadFieldValue = excluded.canReadFieldValue, canUpdateFieldValue = "
                "excluded.canUpdateFieldValue, updatedAt = excluded.updatedAt"_s,
                {p.id, role.id, p.objectMetadataId, p.fieldMetadataId, sqlBool(p.canReadFieldValue),
                 sqlBool(p.canUpdateFieldValue), now, now}));
        }
        return bumpVersion(role.id);
    }));
    forget(role.id);
    auto stored = loadExisting(role.id);
    if (!stored)
        return stored.error();
    return std::move(stored->fieldPermissions);
}

Result<std::vector<RolePermissionFlag>> RoleService::upsertPermissionFlags(const Actor &actor, const QString &roleId,
                                                                           const QJsonArray &flagKeys)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto before = loadEditable(roleId);
    if (!before)
        return before.error();
    QStringList wanted;
    for (const QJsonValue &value : flagKeys) {
        if (!value.isString())
            return Error::badRequest(u"Each entry of 'permissionFlagKeys' must be a string"_s);
        if (!permissionFlagFromName(value.toString()))
            return invalidArg(u"Unknown permission flag '%1'"_s.arg(value.toString()));
        if (!wanted.contains(value.toString()))
            wanted << value.toString();
    }
    Role role = *before;
    role.permissionFlags.clear();
    for (const QString &flag : std::as_const(wanted))
        role.permissionFlags.push_back(RolePermissionFlag{uuid::create(), role.id, flag});
    VINGT_TRY(checkCovered(actor, *before));
    VINGT_TRY(checkCovered(actor, role));
    Database &db = m_workspace.database();
    const QString now = clock::nowIso();
    VINGT_TRY(db.transaction([&]() -> Result<void> {
        // Flags kept keep their id; the set is replaced (Vingt's choice, §6.5).
        for (const RolePermissionFlag &old : before->permissionFlags) {
            if (!wanted.contains(old.flag))
                VINGT_TRY(db.exec(u"DELETE FROM core_permissionFlag WHERE id = ?"_s, {old.id}));
        }
        for (const RolePermissionFlag &flag : role.permissionFlags) {
            VINGT_TRY(db.exec(u"INSERT INTO core_permissionFlag (id, roleId, flag, createdAt, updatedAt) VALUES "
                              "(?,?,?,?,?) ON CONFLICT (roleId, flag) DO NOTHING"_s,
                              {flag.id, role.id, flag.flag, now, now}));
        }
        return bumpVersion(role.id);
    }));
    forget(role.id);
    auto stored = loadExisting(role.id);
    if (!stored)
        return stored.error();
    return std::move(stored->permissionFlags);
}

Result<void> RoleService::assignToWorkspaceMember(const Actor &actor, const QString &workspaceMemberId,
                                                  const QString &roleId)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::Roles));
    auto role = loadExisting(roleId);
    if (!role)
        return role.error();
    std::vector<Role> all;
    {
        auto roles = list(Actor::system());
        if (!roles)
            return roles.error();
        all = std::move(roles.value());
    }
    const Role *current = nullptr;
    for (const Role &r : all) {
        for (const RoleMember &m : r.workspaceMembers) {
            if (m.id == workspaceMemberId)
                current = &r;
        }
    }
    if (!current)
        return Error::notFound(u"Workspace member '%1' not found"_s.arg(workspaceMemberId));
    if (!role->canBeAssignedToUsers)
        return invalidArg(u"Role cannot be assigned to users"_s);
    if (!actor.workspaceMemberId.isEmpty() && actor.workspaceMemberId == workspaceMemberId)
        return forbidden(u"Cannot update self role"_s, u"CANNOT_UPDATE_SELF_ROLE"_s);
    const QString adminId = QString::fromLatin1(Workspace::kAdminRoleId);
    if (current->id == adminId && role->id != adminId && current->workspaceMembers.size() == 1)
        return forbidden(u"Cannot unassign the last admin of the workspace"_s, u"CANNOT_UNASSIGN_LAST_ADMIN"_s);
    VINGT_TRY(checkCovered(actor, *role));
    const QString now = clock::nowIso();
    auto rows = m_workspace.database().exec(
        u"INSERT INTO core_workspaceMemberRole (workspaceMemberId, roleId, createdAt, updatedAt) VALUES (?,?,?,?) "
        "ON CONFLICT (workspaceMemberId) DO UPDATE SET roleId = excluded.roleId, updatedAt = excluded.updatedAt"_s,
        {workspaceMemberId, role->id, now, now});
    if (!rows)
        return rows.error();
    return {};
}

// ---------------------------------------------------------------------------------------------------------------------
// The policy cache

Result<AccessPolicyPtr> RoleService::policy(const QString &roleId, qint64 roleVersion, const DataModelPtr &model)
{
    {
        std::lock_guard lock(m_cacheMutex);
        const auto it = m_cache.constFind(roleId);
        if (it != m_cache.cend() && it->version == roleVersion && it->model == model)
            return it->policy;
    }
    auto role = load(roleId);
    if (!role)
        return role.error();
    if (!*role)
        return roleNotFound(roleId);
    AccessPolicyPtr built = AccessPolicy::build(**role, model);
    std::lock_guard lock(m_cacheMutex);
    m_cache.insert(roleId, CacheEntry{(*role)->version, model, built});
    return built;
}

} // namespace vingt
