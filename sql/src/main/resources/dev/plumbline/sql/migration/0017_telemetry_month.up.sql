-- The monthly roll-up of telemetry_day (per slice and source, month = the month's first day): a whole month's figures
-- read one row per slice instead of one per day (slice_totals reads whole months here). Recomputed from the days
-- whenever days of the month are rolled up (telemetry/roll_up_months.sql), summed as slice_totals sums days, so reading
-- a month here or from its days gives the same figures. Filled from the days already stored right after it is
-- created (RollupStore.rollUpEveryMonth, at start: a migration only changes the schema).
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
