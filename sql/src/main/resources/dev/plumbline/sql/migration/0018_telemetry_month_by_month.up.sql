-- The monthly roll-up again, now partitioned by month like every other telemetry table: a part then never holds two
-- months, so writing this month's rows leaves the parts of a closed month, and the version of its data
-- (psr/data_version.sql), as they were. The table only holds what telemetry_day holds summed per month, so it is
-- dropped and created again, and filled from the days right after (RollupStore.rollUpEveryMonth, at start).
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
PARTITION BY toYYYYMM(month)
ORDER BY (service, customer, source, month)
