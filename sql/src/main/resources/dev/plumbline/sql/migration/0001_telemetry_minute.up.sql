-- Telemetry per minute and slice (service x customer x source), as collected.
-- Counts are Float64 because Prometheus' increase() extrapolates and gives non-integer counts.
-- Latency is a histogram, never a percentile: latency_le holds the buckets' upper bounds in seconds (ascending, the
-- last one +Inf) and latency_counts the requests that fell into each bucket (NOT cumulative), so histograms with the
-- same bounds merge by adding counts element-wise. mergeable = 0 marks rows from a source that only gave percentiles
-- (Datadog); the engine never merges those.
-- A retried or replayed batch writes the same key again; ReplacingMergeTree keeps the latest collected_at.
CREATE TABLE IF NOT EXISTS telemetry_minute {{ON_CLUSTER}}
(
    service        LowCardinality(String),
    customer       String,
    source         LowCardinality(String),
    minute         DateTime('UTC'),
    requests       Float64,
    errors         Float64,
    latency_le     Array(Float64),
    latency_counts Array(Float64),
    mergeable      Bool DEFAULT true,
    collected_at   DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(collected_at)
PARTITION BY toYYYYMM(minute)
ORDER BY (service, customer, source, minute)
TTL minute + INTERVAL {{RAW_TTL_DAYS}} DAY
