-- The desktop playground's history and saved requests (issue 7). Never holds a token: the API key by id only
-- (DECISIONS "Playground"). A row with a savedName is a saved request; the others are history, pruned to the newest.
CREATE TABLE core_playgroundRequest (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    variables TEXT NOT NULL DEFAULT '',
    operationName TEXT NOT NULL DEFAULT '',
    apiKeyId TEXT NOT NULL DEFAULT '',
    status INTEGER NOT NULL DEFAULT 0,
    durationMs INTEGER NOT NULL DEFAULT 0,
    savedName TEXT,
    createdAt TEXT NOT NULL
);
CREATE INDEX core_playgroundRequest_saved ON core_playgroundRequest(savedName);
