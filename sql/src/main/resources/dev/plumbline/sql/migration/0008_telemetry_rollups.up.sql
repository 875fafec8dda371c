-- Hourly and daily roll-ups of telemetry_minute, written by the collectors (recomputed from the minutes, so writing
-- an hour again replaces it instead of doubling it). A month's figures read the daily table: 1/1440 of the minutes.
-- Columns as in telemetry_minute; `minutes` counts the minutes with data that went into the row; `layouts` counts the
-- distinct bucket layouts that went into it (0: no histogram, 1: a histogram, more: the layouts differed and the
-- histogram was left out, so no percentile is computed from part of the data).
CREATE TABLE IF NOT EXISTS telemetry_hour {{ON_CLUSTER}}
(
    service        LowCardinality(String),
    customer       String,
    source         LowCardinality(String),
    hour           DateTime('UTC'),
    requests       Float64,
    errors         Float64,
    latency_le     Array(Float64),
    latency_counts Array(Float64),
    mergeable      Bool DEFAULT true,
    layouts        UInt8 DEFAULT 1,
    minutes        UInt16,
    computed_at    DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(hour)
ORDER BY (service, customer, source, hour);

CREATE TABLE IF NOT EXISTS telemetry_day {{ON_CLUSTER}}
(
    service        LowCardinality(String),
    customer       String,
    source         LowCardinality(String),
    day            Date,
    requests       Float64,
    errors         Float64,
    latency_le     Array(Float64),
    latency_counts Array(Float64),
    mergeable      Bool DEFAULT true,
    layouts        UInt8 DEFAULT 1,
    minutes        UInt16,
    computed_at    DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (service, customer, source, day);

-- Per service, source and hour: the requests over all customers, recomputed with the hourly roll-up. A period's
-- busiest hour and which sources report a service are read here (40 services x 720 hours a month), not from the
-- customers' hourly rows.
CREATE TABLE IF NOT EXISTS service_hour {{ON_CLUSTER}}
(
    service     LowCardinality(String),
    source      LowCardinality(String),
    hour        DateTime('UTC'),
    requests    Float64,
    computed_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(hour)
ORDER BY (service, source, hour);

-- Which minutes each source collected (with or without traffic), per hour: a month with a collection gap is
-- reported as coverage below 100%, not as a perfect month.
CREATE TABLE IF NOT EXISTS collection_coverage {{ON_CLUSTER}}
(
    source      LowCardinality(String),
    hour        DateTime('UTC'),
    minutes     UInt8,
    computed_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(hour)
ORDER BY (source, hour)
