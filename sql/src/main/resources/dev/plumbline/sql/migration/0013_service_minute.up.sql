-- Per service and minute, all customers and sources summed: requests, errors and the latency buckets, kept
-- {{SERVICE_MINUTE_TTL_DAYS}} days (plumbline.schema.service-minute-ttl-days), far longer than the raw minutes: what
-- alert backtests replay over months (40 services x a year is about 21M rows). Recomputed from telemetry_minute with
-- the hourly roll-up (replacing, never adding). Buckets as in telemetry_minute; `layouts` counts the distinct bucket
-- layouts of the minute (0: no histogram, more than 1: they differed and the histogram was left out); mergeable = 0
-- when a source gave percentiles only. Hours written without their minutes (demo history, backfills older than the
-- raw TTL) have no rows here.
CREATE TABLE IF NOT EXISTS service_minute {{ON_CLUSTER}}
(
    service        LowCardinality(String),
    minute         DateTime('UTC'),
    requests       Float64,
    errors         Float64,
    latency_le     Array(Float64),
    latency_counts Array(Float64),
    layouts        UInt8,
    mergeable      Bool DEFAULT true,
    computed_at    DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(minute)
ORDER BY (service, minute)
TTL minute + INTERVAL {{SERVICE_MINUTE_TTL_DAYS}} DAY
