-- Webhooks and their delivery log (API-CONTRACT §10, DECISIONS "Webhooks"). Deliveries are the persisted queue:
-- PENDING rows are due at nextAttemptAt (epoch ms; also the lease of one in flight), so they survive a restart.
CREATE TABLE core_webhook (
    id TEXT PRIMARY KEY NOT NULL,
    targetUrl TEXT NOT NULL,
    operations TEXT NOT NULL,
    description TEXT,
    secret TEXT NOT NULL DEFAULT '',
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    deletedAt TEXT
);
CREATE TABLE core_webhookDelivery (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    webhookId TEXT NOT NULL REFERENCES core_webhook(id) ON DELETE CASCADE,
    eventName TEXT NOT NULL,
    recordId TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    responseCode INTEGER,
    latencyMs INTEGER,
    error TEXT,
    replayOf TEXT,
    body BYTEA NOT NULL,
    requestHeaders TEXT,
    responseHeaders TEXT,
    responseBody BYTEA,
    createdAt TEXT NOT NULL,
    lastAttemptAt TEXT,
    nextAttemptAt BIGINT
);
CREATE INDEX core_webhookDelivery_webhook ON core_webhookDelivery(webhookId, seq);
CREATE INDEX core_webhookDelivery_due ON core_webhookDelivery(nextAttemptAt) WHERE status = 'PENDING';
