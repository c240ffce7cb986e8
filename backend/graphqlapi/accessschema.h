#pragma once

namespace vingt::graphqlapi {

/// Registers the API key and role part of the Metadata schema (API-CONTRACT §5.1, 6.1–6.4) as a metadata schema
/// extension: queries `apiKeys`, `apiKey`, `getRoles`; mutations `createApiKey`, `updateApiKey`, `revokeApiKey`,
/// `generateApiKeyToken`, `assignRoleToApiKey`, `regenerateApiKey`, `createOneRole`, `updateOneRole`,
/// `deleteOneRole`, `upsertObjectPermissions`, `upsertFieldPermissions`, `upsertPermissionFlags`. Resolvers call
/// ApiKeyService and RoleService, which hold every rule (guards, no privilege escalation). Idempotent.
void registerAccessSchema();

} // namespace vingt::graphqlapi
