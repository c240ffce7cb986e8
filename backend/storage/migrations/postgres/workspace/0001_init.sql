-- Workspace schema (PostgreSQL, one per workspace): metadata, API keys, roles. Record tables are created from
-- metadata (model/ddl), not here. The same tables as on SQLite, with `rowid` spelled out (objects are listed in
-- creation order, as SQLite's implicit rowid gives them).
CREATE TABLE core_workspaceInfo (
    id TEXT PRIMARY KEY NOT NULL,
    displayName TEXT NOT NULL,
    applicationId TEXT NOT NULL,
    defaultRoleId TEXT,
    dataModelVersion INTEGER NOT NULL DEFAULT 1,
    createdAt TEXT NOT NULL
);
CREATE TABLE core_objectMetadata (
    rowid BIGSERIAL NOT NULL,
    id TEXT PRIMARY KEY NOT NULL,
    standardId TEXT,
    nameSingular TEXT NOT NULL UNIQUE,
    namePlural TEXT NOT NULL UNIQUE,
    labelSingular TEXT NOT NULL,
    labelPlural TEXT NOT NULL,
    description TEXT,
    icon TEXT,
    shortcut TEXT,
    color TEXT,
    isCustom INTEGER NOT NULL DEFAULT 0,
    isActive INTEGER NOT NULL DEFAULT 1,
    isSystem INTEGER NOT NULL DEFAULT 0,
    isRemote INTEGER NOT NULL DEFAULT 0,
    isSearchable INTEGER NOT NULL DEFAULT 0,
    isLabelSyncedWithName INTEGER NOT NULL DEFAULT 0,
    labelIdentifierFieldMetadataId TEXT,
    imageIdentifierFieldMetadataId TEXT,
    duplicateCriteria TEXT,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL
);
CREATE TABLE core_fieldMetadata (
    id TEXT PRIMARY KEY NOT NULL,
    objectMetadataId TEXT NOT NULL REFERENCES core_objectMetadata(id) ON DELETE CASCADE,
    standardId TEXT,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT,
    icon TEXT,
    isCustom INTEGER NOT NULL DEFAULT 0,
    isActive INTEGER NOT NULL DEFAULT 1,
    isSystem INTEGER NOT NULL DEFAULT 0,
    isNullable INTEGER NOT NULL DEFAULT 1,
    isUnique INTEGER NOT NULL DEFAULT 0,
    isLabelSyncedWithName INTEGER NOT NULL DEFAULT 0,
    defaultValue TEXT,
    options TEXT,
    settings TEXT,
    relationType TEXT,
    relationTargetObjectMetadataId TEXT,
    relationTargetFieldMetadataId TEXT,
    onDelete TEXT,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    UNIQUE (objectMetadataId, name)
);
CREATE TABLE core_role (
    id TEXT PRIMARY KEY NOT NULL,
    standardId TEXT,
    label TEXT NOT NULL UNIQUE,
    description TEXT,
    icon TEXT,
    isEditable INTEGER NOT NULL DEFAULT 1,
    canUpdateAllSettings INTEGER NOT NULL DEFAULT 0,
    canAccessAllTools INTEGER NOT NULL DEFAULT 0,
    canReadAllObjectRecords INTEGER NOT NULL DEFAULT 0,
    canUpdateAllObjectRecords INTEGER NOT NULL DEFAULT 0,
    canSoftDeleteAllObjectRecords INTEGER NOT NULL DEFAULT 0,
    canDestroyAllObjectRecords INTEGER NOT NULL DEFAULT 0,
    canBeAssignedToUsers INTEGER NOT NULL DEFAULT 1,
    canBeAssignedToAgents INTEGER NOT NULL DEFAULT 0,
    canBeAssignedToApiKeys INTEGER NOT NULL DEFAULT 0,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL
);
-- The key row only, never a token (API-CONTRACT §5.1).
CREATE TABLE core_apiKey (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    expiresAt TEXT NOT NULL,
    revokedAt TEXT,
    roleId TEXT REFERENCES core_role(id) ON DELETE SET NULL,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL
);
