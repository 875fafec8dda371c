-- The monthly roll-up of telemetry_day (per slice and source, month = the month's first day): a whole month's figures
-- read one row per slice instead of one per day (slice_totals reads whole months here). Recomputed from the days
-- whenever days of the month are rolled up (telemetry/roll_up_months.sql), summed as slice_totals sums days, so reading
-- a month here or from its days gives the same figures. Filled from the days already stored when it is created.
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
ORDER BY (service, customer, source, month);

INSERT INTO telemetry_month (service, customer, source, month, requests, errors, latency_le, latency_counts, mergeable,
                             layouts, minutes, computed_at)
SELECT service, customer, source, toStartOfMonth(day) AS month,
       sum(requests), sum(errors),
       anyIf(latency_le, length(latency_le) > 0),
       sumForEachIf(latency_counts, length(latency_le) > 0),
       min(mergeable), greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)), sum(minutes),
       now64(3, 'UTC')
FROM telemetry_day FINAL
GROUP BY service, customer, source, month
