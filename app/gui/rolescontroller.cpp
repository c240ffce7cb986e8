#include "gui/rolescontroller.h"

#include "gui/apikeyscontroller.h"
#include "model/fieldtype.h"
#include "services/accesspolicy.h"
#include "services/apikeyservice.h"
#include "services/roleservice.h"
#include "services/workspace.h"

#include <QJsonArray>

#include <algorithm>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

struct PermissionColumn {
    QLatin1StringView name;      ///< role name in objectPermissions, argument of setObjectPermission
    QLatin1StringView objectKey; ///< ObjectPermission member on the wire
    std::optional<bool> ObjectPermission::*member;
    bool Role::*roleWide;
};

const PermissionColumn kColumns[] = {
    {"read"_L1, "canReadObjectRecords"_L1, &ObjectPermission::canReadObjectRecords, &Role::canReadAllObjectRecords},
    {"update"_L1, "canUpdateObjectRecords"_L1, &ObjectPermission::canUpdateObjectRecords,
     &Role::canUpdateAllObjectRecords},
    {"softDelete"_L1, "canSoftDeleteObjectRecords"_L1, &ObjectPermission::canSoftDeleteObjectRecords,
     &Role::canSoftDeleteAllObjectRecords},
    {"destroy"_L1, "canDestroyObjectRecords"_L1, &ObjectPermission::canDestroyObjectRecords,
     &Role::canDestroyAllObjectRecords},
};

/// "API_KEYS_AND_WEBHOOKS" → "API keys and webhooks".
QString flagLabel(QLatin1StringView name)
{
    QString text = QString(name).toLower().replace(u'_', u' ');
    text.replace("api "_L1, "API "_L1)
        .replace(" ai"_L1, " AI"_L1)
        .replace("csv"_L1, "CSV"_L1)
        .replace("sso"_L1, "SSO"_L1);
    if (text == "ai"_L1)
        return u"AI"_s;
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

struct Loaded {
    Result<Role> role;
    DataModelPtr model;
};

} // namespace

RolesController::RolesController(QObject *parent)
    : Controller(parent)
    , m_roles({u"id"_s, u"label"_s, u"description"_s, u"keyCount"_s, u"memberCount"_s, u"isEditable"_s, u"isDefault"_s,
               u"canBeAssignedToApiKeys"_s},
              this)
    , m_objects({u"id"_s, u"label"_s, u"icon"_s, u"read"_s, u"update"_s, u"softDelete"_s, u"destroy"_s, u"overridden"_s,
                 u"restrictedFields"_s},
                this)
    , m_fields({u"id"_s, u"label"_s, u"name"_s, u"type"_s, u"read"_s, u"update"_s}, this)
    , m_flags({u"id"_s, u"label"_s, u"granted"_s, u"tool"_s}, this)
    , m_roleKeys({u"id"_s, u"name"_s, u"expiresText"_s, u"revoked"_s}, this)
{
    followChanges(2000, [this] {
        refresh();
        if (m_current)
            openRole(m_current->id);
    });
    refresh();
}

void RolesController::refresh()
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace] { return workspace->roles().list(BackendContext::actor()); },
        [this](Result<std::vector<Role>> roles) {
            if (!roles) {
                Q_EMIT failed(u"list"_s, roles.error().message);
                return;
            }
            QList<QVariantMap> rows;
            for (const Role &role : *roles) {
                const auto activeKeys = std::count_if(role.apiKeys.begin(), role.apiKeys.end(),
                                                      [](const RoleApiKey &key) { return key.revokedAt.isEmpty(); });
                rows.append({{u"id"_s, role.id},
                             {u"label"_s, role.label},
                             {u"description"_s, role.description},
                             {u"keyCount"_s, int(activeKeys)},
                             {u"memberCount"_s, int(role.workspaceMembers.size())},
                             {u"isEditable"_s, role.isEditable},
                             {u"isDefault"_s, role.isDefault},
                             {u"canBeAssignedToApiKeys"_s, role.canBeAssignedToApiKeys}});
            }
            m_roles.setRows(std::move(rows));
        },
        true);
}

void RolesController::openRole(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run(
        [workspace, id] {
            return Loaded{workspace->roles().get(BackendContext::actor(), id), workspace->dataModel()};
        },
        [this](Loaded loaded) {
            if (!loaded.role) {
                Q_EMIT failed(u"open"_s, loaded.role.error().message);
                return;
            }
            m_model = loaded.model;
            apply(*loaded.role);
        },
        true);
}

void RolesController::apply(const Role &role)
{
    m_current = std::make_shared<const Role>(role);
    QVariantMap map{{u"id"_s, role.id},
                    {u"label"_s, role.label},
                    {u"description"_s, role.description},
                    {u"isEditable"_s, role.isEditable},
                    {u"isDefault"_s, role.isDefault}};
    for (const RoleBoolean &boolean : kRoleBooleans)
        map.insert(boolean.name, role.*boolean.member);

    QList<QVariantMap> objects;
    if (m_model) {
        for (const ObjectMetadata &object : m_model->objects()) {
            if (object.isSystem || !object.isActive)
                continue;
            const auto override = std::find_if(
                role.objectPermissions.begin(), role.objectPermissions.end(),
                [&](const ObjectPermission &p) { return p.objectMetadataId == object.id; });
            QVariantMap row{{u"id"_s, object.id}, {u"label"_s, object.labelPlural}, {u"icon"_s, object.icon}};
            bool overridden = false;
            for (const PermissionColumn &column : kColumns) {
                std::optional<bool> value;
                if (override != role.objectPermissions.end())
                    value = (*override).*column.member;
                overridden = overridden || value.has_value();
                row.insert(column.name, value.value_or(role.*column.roleWide));
            }
            row.insert(u"overridden"_s, overridden);
            row.insert(u"restrictedFields"_s,
                       int(std::count_if(role.fieldPermissions.begin(), role.fieldPermissions.end(),
                                         [&](const FieldPermission &p) { return p.objectMetadataId == object.id; })));
            objects.append(row);
        }
        std::sort(objects.begin(), objects.end(), [](const QVariantMap &a, const QVariantMap &b) {
            return a.value(u"label"_s).toString().localeAwareCompare(b.value(u"label"_s).toString()) < 0;
        });
    }
    m_objects.setRows(std::move(objects));

    QList<QVariantMap> flags;
    for (PermissionFlag flag : allPermissionFlags()) {
        const QLatin1StringView name = permissionFlagName(flag);
        const bool explicitFlag = std::any_of(role.permissionFlags.begin(), role.permissionFlags.end(),
                                              [&](const RolePermissionFlag &f) { return f.flag == name; });
        const bool granted = isToolFlag(flag) ? role.canAccessAllTools : role.canUpdateAllSettings;
        flags.append({{u"id"_s, QString(name)},
                      {u"label"_s, flagLabel(name)},
                      {u"granted"_s, explicitFlag || granted},
                      {u"tool"_s, isToolFlag(flag)}});
    }
    m_flags.setRows(std::move(flags));

    QList<QVariantMap> keys;
    for (const RoleApiKey &key : role.apiKeys) {
        ApiKey apiKey;
        apiKey.id = key.id;
        apiKey.name = key.name;
        apiKey.expiresAt = key.expiresAt;
        apiKey.revokedAt = key.revokedAt;
        const QVariantMap full = ApiKeysController::row(apiKey);
        keys.append({{u"id"_s, key.id},
                     {u"name"_s, key.name},
                     {u"expiresText"_s, full.value(u"expiresText"_s)},
                     {u"revoked"_s, full.value(u"revoked"_s)}});
    }
    m_roleKeys.setRows(std::move(keys));
    if (m_current->id != m_role.value(u"id"_s).toString())
        m_fieldObjectId.clear();
    fillFields();
    if (map != m_role) {
        m_role = std::move(map);
        Q_EMIT roleChanged();
    }
}

void RolesController::showFields(const QString &objectId)
{
    m_fieldObjectId = objectId;
    fillFields();
    Q_EMIT roleChanged();
}

void RolesController::fillFields()
{
    QList<QVariantMap> rows;
    const ObjectMetadata *object = m_model && !m_fieldObjectId.isEmpty() ? m_model->objectById(m_fieldObjectId)
                                                                         : nullptr;
    if (object && m_current) {
        for (const FieldMetadata &field : object->fields) {
            if (field.isSystem || !field.isActive)
                continue;
            const auto restriction = std::find_if(
                m_current->fieldPermissions.begin(), m_current->fieldPermissions.end(),
                [&](const FieldPermission &p) { return p.fieldMetadataId == field.id; });
            const bool hasRestriction = restriction != m_current->fieldPermissions.end();
            rows.append({{u"id"_s, field.id},
                         {u"label"_s, field.label},
                         {u"name"_s, field.name},
                         {u"type"_s, QString(fieldTypeName(field.type))},
                         {u"read"_s, !(hasRestriction && restriction->canReadFieldValue == false)},
                         {u"update"_s, !(hasRestriction && restriction->canUpdateFieldValue == false)}});
        }
    }
    m_fields.setRows(std::move(rows));
}

template<typename T, typename Work>
void RolesController::change(const QString &what, Work work)
{
    if (!m_current)
        return;
    Workspace *workspace = &BackendContext::current().workspace();
    const QString roleId = m_current->id;
    run([workspace, roleId, work = std::move(work)]() -> Result<T> { return work(*workspace, roleId); },
        [this, what, roleId](Result<T> result) {
            if (!result)
                Q_EMIT failed(what, result.error().message);
            refresh();
            openRole(roleId);
        });
}

void RolesController::setRoleValue(const QString &name, const QVariant &value)
{
    const QJsonObject update{{name, QJsonValue::fromVariant(value)}};
    change<Role>(name, [update](Workspace &workspace, const QString &roleId) {
        return workspace.roles().update(BackendContext::actor(), roleId, update);
    });
}

void RolesController::setObjectPermission(const QString &objectId, const QString &permission, bool allowed)
{
    const auto column = std::find_if(std::begin(kColumns), std::end(kColumns),
                                     [&](const PermissionColumn &c) { return c.name == permission; });
    if (column == std::end(kColumns)) {
        Q_EMIT failed(u"objects"_s, u"Unknown permission '%1'"_s.arg(permission));
        return;
    }
    const QJsonArray entries{QJsonObject{{u"objectMetadataId"_s, objectId}, {column->objectKey, allowed}}};
    change<std::vector<ObjectPermission>>(u"objects"_s, [entries](Workspace &workspace, const QString &roleId) {
        return workspace.roles().upsertObjectPermissions(BackendContext::actor(), roleId, entries);
    });
}

void RolesController::setFieldPermission(const QString &fieldId, const QString &permission, bool allowed)
{
    if (!m_current || m_fieldObjectId.isEmpty())
        return;
    QJsonObject entry{{u"objectMetadataId"_s, m_fieldObjectId}, {u"fieldMetadataId"_s, fieldId}};
    // Keep the other half of the restriction as it is: false stays restricted, anything else is no restriction.
    const auto existing = std::find_if(m_current->fieldPermissions.begin(), m_current->fieldPermissions.end(),
                                       [&](const FieldPermission &p) { return p.fieldMetadataId == fieldId; });
    const auto keep = [&](std::optional<bool> FieldPermission::*member) -> QJsonValue {
        return existing != m_current->fieldPermissions.end() && (*existing).*member == false ? QJsonValue(false)
                                                                                             : QJsonValue::Null;
    };
    entry.insert(u"canReadFieldValue"_s, keep(&FieldPermission::canReadFieldValue));
    entry.insert(u"canUpdateFieldValue"_s, keep(&FieldPermission::canUpdateFieldValue));
    entry.insert(permission == "read"_L1 ? u"canReadFieldValue"_s : u"canUpdateFieldValue"_s,
                 allowed ? QJsonValue::Null : QJsonValue(false));
    const QJsonArray entries{entry};
    change<std::vector<FieldPermission>>(u"fields"_s, [entries](Workspace &workspace, const QString &roleId) {
        return workspace.roles().upsertFieldPermissions(BackendContext::actor(), roleId, entries);
    });
}

void RolesController::setPermissionFlag(const QString &flag, bool enabled)
{
    if (!m_current)
        return;
    QJsonArray keys;
    for (const RolePermissionFlag &held : m_current->permissionFlags) {
        if (held.flag != flag)
            keys.append(held.flag);
    }
    if (enabled)
        keys.append(flag);
    change<std::vector<RolePermissionFlag>>(u"flags"_s, [keys](Workspace &workspace, const QString &roleId) {
        return workspace.roles().upsertPermissionFlags(BackendContext::actor(), roleId, keys);
    });
}

void RolesController::assignToApiKey(const QString &apiKeyId)
{
    change<void>(u"assign"_s, [apiKeyId](Workspace &workspace, const QString &roleId) {
        return workspace.apiKeys().assignRole(BackendContext::actor(), apiKeyId, roleId);
    });
}

void RolesController::createRole(const QString &label, const QString &description)
{
    if (label.trimmed().isEmpty()) {
        Q_EMIT failed(u"create"_s, u"Label is required"_s);
        return;
    }
    Workspace *workspace = &BackendContext::current().workspace();
    const QJsonObject input{{u"label"_s, label.trimmed()}, {u"description"_s, description}};
    run([workspace, input] { return workspace->roles().create(BackendContext::actor(), input); },
        [this](Result<Role> role) {
            if (!role) {
                Q_EMIT failed(u"create"_s, role.error().message);
                return;
            }
            refresh();
            Q_EMIT roleCreated(role->id);
        });
}

void RolesController::deleteRole(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id] { return workspace->roles().remove(BackendContext::actor(), id); },
        [this](Result<QString> removed) {
            if (!removed) {
                Q_EMIT failed(u"delete"_s, removed.error().message);
                return;
            }
            if (m_current && m_current->id == *removed)
                m_current.reset();
            refresh();
            Q_EMIT roleDeleted(*removed);
        });
}

} // namespace vingt::gui
