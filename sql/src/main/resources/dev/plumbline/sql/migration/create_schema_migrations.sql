-- The history of schema changes in this database: one row per migration applied (up) or undone (down).
CREATE TABLE IF NOT EXISTS schema_migrations {{ON_CLUSTER}}
(
    version    UInt32,
    name       String,
    checksum   String,
    direction  Enum8('up' = 1, 'down' = 2),
    applied_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}MergeTree
ORDER BY (version, applied_at)
