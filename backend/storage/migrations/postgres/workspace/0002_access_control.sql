-- Access control (API-CONTRACT §5, §6, DECISIONS "Desktop app"): per-object and per-field overrides of a role,
-- its permission flags, the roles of workspace members, the role version that keys the AccessPolicy cache, and the
-- API key usage counters flushed from memory every few seconds.
ALTER TABLE core_role ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- NULL = inherit the role-wide can*AllObjectRecords value (§6.2).
CREATE TABLE core_objectPermission (
    id TEXT PRIMARY KEY NOT NULL,
    roleId TEXT NOT NULL REFERENCES core_role(id) ON DELETE CASCADE,
    objectMetadataId TEXT NOT NULL REFERENCES core_objectMetadata(id) ON DELETE CASCADE,
    canReadObjectRecords INTEGER,
    canUpdateObjectRecords INTEGER,
    canSoftDeleteObjectRecords INTEGER,
    canDestroyObjectRecords INTEGER,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    UNIQUE (roleId, objectMetadataId)
);
-- Only restrictions (0) or NULL (no restriction) are stored (§6.2).
CREATE TABLE core_fieldPermission (
    id TEXT PRIMARY KEY NOT NULL,
    roleId TEXT NOT NULL REFERENCES core_role(id) ON DELETE CASCADE,
    objectMetadataId TEXT NOT NULL REFERENCES core_objectMetadata(id) ON DELETE CASCADE,
    fieldMetadataId TEXT NOT NULL REFERENCES core_fieldMetadata(id) ON DELETE CASCADE,
    canReadFieldValue INTEGER,
    canUpdateFieldValue INTEGER,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    UNIQUE (roleId, fieldMetadataId)
);
CREATE TABLE core_permissionFlag (
    id TEXT PRIMARY KEY NOT NULL,
    roleId TEXT NOT NULL REFERENCES core_role(id) ON DELETE CASCADE,
    flag TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    UNIQUE (roleId, flag)
);
-- A workspace member without a row here has the workspace's default role (core_workspaceInfo.defaultRoleId).
CREATE TABLE core_workspaceMemberRole (
    workspaceMemberId TEXT PRIMARY KEY NOT NULL,
    roleId TEXT NOT NULL REFERENCES core_role(id) ON DELETE CASCADE,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL
);
CREATE INDEX core_apiKey_roleId ON core_apiKey(roleId);
ALTER TABLE core_apiKey ADD COLUMN lastUsedAt TEXT;
-- Requests per key and minute (epoch minutes), the last 24 hours.
CREATE TABLE core_apiKeyUsage (
    apiKeyId TEXT NOT NULL REFERENCES core_apiKey(id) ON DELETE CASCADE,
    minute INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    PRIMARY KEY (apiKeyId, minute)
);
