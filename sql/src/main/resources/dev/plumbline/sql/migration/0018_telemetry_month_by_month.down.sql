-- Back to the yearly partitions of 0017 (filled again from the days at the next start on that version).
DROP TABLE IF EXISTS telemetry_month {{ON_CLUSTER}} SYNC;
CREATE TABLE IF NOT EXISTS telemetry_month {{ON_CLUSTER}}
(
    service        LowCardinality(String),
    customer       String,
    source         LowCardinality(String),
    month          Date,
    requests       Float64,
    errors         Float64,
    latency_le     Array(Float64),
    latency_counts Array(Float64),
    mergeable      Bool DEFAULT true,
    layouts        UInt8 DEFAULT 1,
    minutes        UInt32,
    computed_at    DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(computed_at)
PARTITION BY toYear(month)
ORDER BY (service, customer, source, month)
