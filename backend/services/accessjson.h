#pragma once

#include "core/jsonwriter.h"
#include "services/apikeyservice.h"
#include "services/role.h"

#include <QString>

namespace vingt::accessjson {

// The JSON forms of API keys and roles (API-CONTRACT §5.1, 5.2, 6.1, 6.2), written once for the REST routes and the
// /metadata GraphQL types (which read the same members).

/// `{id, name, expiresAt, revokedAt, roleId, createdAt, updatedAt, workspaceId}` (§5.1; never a token).
void writeApiKey(JsonWriter &out, const ApiKey &key, const QString &workspaceId);
/// `{id, roleId, objectMetadataId, canReadObjectRecords, ...}`; unset overrides are null.
void writeObjectPermission(JsonWriter &out, const ObjectPermission &permission);
/// `{id, roleId, objectMetadataId, fieldMetadataId, canReadFieldValue, canUpdateFieldValue}`.
void writeFieldPermission(JsonWriter &out, const FieldPermission &permission);
/// `{id, roleId, flag}`.
void writePermissionFlag(JsonWriter &out, const RolePermissionFlag &flag);
/// `{id, name: {firstName, lastName}, userEmail}` (§6.1 `workspaceMembers`).
void writeWorkspaceMember(JsonWriter &out, const RoleMember &member);
/// The Role of §6.1, with its flags, overrides, workspace members, API keys and (always empty) agents.
void writeRole(JsonWriter &out, const Role &role);

/// `[item, ...]` written by `write`.
template<typename T, typename Write>
void writeArray(JsonWriter &out, const std::vector<T> &items, Write write)
{
    out.beginArray();
    for (const T &item : items)
        write(out, item);
    out.endArray();
}

} // namespace vingt::accessjson
