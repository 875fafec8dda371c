-- Counters pushed through Prometheus remote write (README, "Remote write"): one row per series, kind and minute, with
-- the increase the series made in that minute (each increase in the minute of its later sample, the rule remote read
-- uses) and the series' last sample, from which its next push continues (after a restart too). A pushed source's
-- telemetry_minute rows are sums of these (pushed_slice_increases.sql). A row is rewritten as its minute grows;
-- ReplacingMergeTree keeps the one with the latest sample. series is the series' labels in Prometheus' text form,
-- sorted, without the replica labels of an HA pair. Kept as long as the raw minutes.
CREATE TABLE IF NOT EXISTS pushed_series_minute {{ON_CLUSTER}}
(
    source     LowCardinality(String),
    minute     DateTime('UTC'),
    service    LowCardinality(String),
    customer   String,
    series     String,
    kind       LowCardinality(String),
    le         Float64,
    increase   Float64,
    last_ms    Int64,
    last_value Float64,
    written_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(last_ms)
PARTITION BY toYYYYMM(minute)
ORDER BY (source, minute, service, customer, series, kind)
TTL minute + INTERVAL {{RAW_TTL_DAYS}} DAY
