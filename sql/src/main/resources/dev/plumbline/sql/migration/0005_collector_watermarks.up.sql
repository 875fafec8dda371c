-- Per source and target, the last whole minute stored: after a restart a collector continues from here.
CREATE TABLE IF NOT EXISTS collector_watermarks {{ON_CLUSTER}}
(
    source     LowCardinality(String),
    target     String,
    watermark  DateTime('UTC'),
    updated_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at)
ORDER BY (source, target)
