-- The two token buckets of API-CONTRACT §7 as one row, for servers that share this database (issue 8): every API-key
-- request refills and takes from it in one atomic UPDATE (storage/ratelimitstore.cpp). A single process on SQLite
-- keeps its buckets in memory and leaves this row alone. Tokens start above any bucket size: capped on first use.
CREATE TABLE core_rateLimit (
    id INTEGER PRIMARY KEY NOT NULL,
    shortTokens DOUBLE PRECISION NOT NULL,
    longTokens DOUBLE PRECISION NOT NULL,
    refilledAtMs DOUBLE PRECISION NOT NULL,
    granted INTEGER NOT NULL
);
INSERT INTO core_rateLimit (id, shortTokens, longTokens, refilledAtMs, granted) VALUES (1, 1e15, 1e15, 0, 1);
