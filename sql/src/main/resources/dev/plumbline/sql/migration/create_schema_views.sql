-- Which text of each view definition (views/) this database holds: one row per (re-)creation.
CREATE TABLE IF NOT EXISTS schema_views {{ON_CLUSTER}}
(
    name       String,
    checksum   String,
    applied_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}MergeTree
ORDER BY (name, applied_at)
