#include "services/accessjson.h"

#include "model/metadatajson.h"

namespace vingt::accessjson {

using namespace Qt::StringLiterals;

namespace {

using metadatajson::nullableText;
using metadatajson::text;

void nullableBool(JsonWriter &out, QLatin1StringView name, const std::optional<bool> &value)
{
    out.key(name);
    if (value)
        out.value(*value);
    else
        out.null();
}

} // namespace

void writeApiKey(JsonWriter &out, const ApiKey &key, const QString &workspaceId)
{
    out.beginObject();
    text(out, "id"_L1, key.id);
    text(out, "name"_L1, key.name);
    text(out, "expiresAt"_L1, key.expiresAt);
    nullableText(out, "revokedAt"_L1, key.revokedAt);
    nullableText(out, "roleId"_L1, key.roleId);
    text(out, "createdAt"_L1, key.createdAt);
    text(out, "updatedAt"_L1, key.updatedAt);
    text(out, "workspaceId"_L1, workspaceId);
    out.endObject();
}

void writeObjectPermission(JsonWriter &out, const ObjectPermission &p)
{
    out.beginObject();
    text(out, "id"_L1, p.id);
    text(out, "roleId"_L1, p.roleId);
    text(out, "objectMetadataId"_L1, p.objectMetadataId);
    nullableBool(out, "canReadObjectRecords"_L1, p.canReadObjectRecords);
    nullableBool(out, "canUpdateObjectRecords"_L1, p.canUpdateObjectRecords);
    nullableBool(out, "canSoftDeleteObjectRecords"_L1, p.canSoftDeleteObjectRecords);
    nullableBool(out, "canDestroyObjectRecords"_L1, p.canDestroyObjectRecords);
    out.endObject();
}

void writeFieldPermission(JsonWriter &out, const FieldPermission &p)
{
    out.beginObject();
    text(out, "id"_L1, p.id);
    text(out, "roleId"_L1, p.roleId);
    text(out, "objectMetadataId"_L1, p.objectMetadataId);
    text(out, "fieldMetadataId"_L1, p.fieldMetadataId);
    nullableBool(out, "canReadFieldValue"_L1, p.canReadFieldValue);
    nullableBool(out, "canUpdateFieldValue"_L1, p.canUpdateFieldValue);
    out.endObject();
}

void writePermissionFlag(JsonWriter &out, const RolePermissionFlag &flag)
{
    out.beginObject();
    text(out, "id"_L1, flag.id);
    text(out, "roleId"_L1, flag.roleId);
    text(out, "flag"_L1, flag.flag);
    out.endObject();
}

void writeWorkspaceMember(JsonWriter &out, const RoleMember &member)
{
    out.beginObject();
    text(out, "id"_L1, member.id);
    out.key("name"_L1);
    out.beginObject();
    text(out, "firstName"_L1, member.firstName);
    text(out, "lastName"_L1, member.lastName);
    out.endObject();
    text(out, "userEmail"_L1, member.userEmail);
    out.endObject();
}

void writeRole(JsonWriter &out, const Role &role)
{
    out.beginObject();
    text(out, "id"_L1, role.id);
    text(out, "universalIdentifier"_L1, role.standardId.isEmpty() ? role.id : role.standardId);
    text(out, "label"_L1, role.label);
    nullableText(out, "description"_L1, role.description);
    nullableText(out, "icon"_L1, role.icon);
    out.key("isEditable"_L1);
    out.value(role.isEditable);
    for (const RoleBoolean &boolean : kRoleBooleans) {
        out.key(boolean.name);
        out.value(role.*boolean.member);
    }
    out.key("permissionFlags"_L1);
    writeArray(out, role.permissionFlags, writePermissionFlag);
    out.key("objectPermissions"_L1);
    writeArray(out, role.objectPermissions, writeObjectPermission);
    out.key("fieldPermissions"_L1);
    writeArray(out, role.fieldPermissions, writeFieldPermission);
    out.key("workspaceMembers"_L1);
    writeArray(out, role.workspaceMembers, writeWorkspaceMember);
    out.key("apiKeys"_L1);
    writeArray(out, role.apiKeys, [](JsonWriter &w, const RoleApiKey &k) {
        w.beginObject();
        text(w, "id"_L1, k.id);
        text(w, "name"_L1, k.name);
        text(w, "expiresAt"_L1, k.expiresAt);
        nullableText(w, "revokedAt"_L1, k.revokedAt);
        w.endObject();
    });
    out.key("agents"_L1);
    out.beginArray();
    out.endArray();
    out.endObject();
}

} // namespace vingt::accessjson
