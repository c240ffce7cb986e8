#pragma once

#include "graphqlapi/metadataschema.h"

namespace vingt::graphqlapi {

/// The API key and role part of the Metadata schema (API-CONTRACT §5.1, 6.1–6.4), a metadata schema extension
/// (registerMetadataSchemaExtension): queries `apiKeys`, `apiKey`, `getRoles`; mutations `createApiKey`,
/// `updateApiKey`, `revokeApiKey`, `generateApiKeyToken`, `assignRoleToApiKey`, `regenerateApiKey`, `createOneRole`,
/// `updateOneRole`, `deleteOneRole`, `upsertObjectPermissions`, `upsertFieldPermissions`, `upsertPermissionFlags`,
/// `updateWorkspaceMemberRole`. Resolvers call ApiKeyService and RoleService, which hold every rule (guards, no
/// privilege escalation); values are the JSON forms the REST routes send (services/accessjson.h).
void addAccessSchema(MetadataSchemaParts &parts);

} // namespace vingt::graphqlapi
