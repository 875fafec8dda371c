-- The service catalog: each service with its owner, tier and the effort estimate the ROI model divides by.
CREATE TABLE IF NOT EXISTS services {{ON_CLUSTER}}
(
    name         String,
    display_name String,
    description  String,
    owner_team   LowCardinality(String),
    tier         LowCardinality(String),
    effort_weeks Float64 DEFAULT 1,
    updated_at   DateTime64(3, 'UTC'),
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at, is_deleted)
ORDER BY name;

-- Service level objectives. indicator 'availability': share of requests without error must reach target.
-- indicator 'latency': share of requests at or under latency_threshold_ms must reach target.
-- window: rolling over window_days, or the calendar month (window_days = 0).
CREATE TABLE IF NOT EXISTS objectives {{ON_CLUSTER}}
(
    service              String,
    name                 String,
    indicator            Enum8('availability' = 1, 'latency' = 2),
    target               Float64,
    latency_threshold_ms Nullable(Float64),
    window_kind          Enum8('rolling' = 1, 'calendar_month' = 2),
    window_days          UInt16,
    updated_at           DateTime64(3, 'UTC'),
    is_deleted           UInt8 DEFAULT 0
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at, is_deleted)
ORDER BY (service, name)
