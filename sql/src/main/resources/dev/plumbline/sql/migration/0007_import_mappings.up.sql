-- Saved column mappings for imports, per kind of data and source (e.g. customers from "salesforce").
CREATE TABLE IF NOT EXISTS import_mappings {{ON_CLUSTER}}
(
    kind       LowCardinality(String),
    source     String,
    mapping    String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at)
ORDER BY (kind, source)
