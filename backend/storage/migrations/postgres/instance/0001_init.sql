-- Instance schema `core` (PostgreSQL): settings, the app secret, the list of workspaces. Same tables as on SQLite;
-- unquoted identifiers fold to lower case here, consistently in every statement.
CREATE TABLE core_setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE core_workspace (
    id TEXT PRIMARY KEY NOT NULL,
    displayName TEXT NOT NULL,
    isDefault INTEGER NOT NULL DEFAULT 0,
    createdAt TEXT NOT NULL
);
