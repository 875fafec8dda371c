-- Deploys, launches, incidents and notes, shown on charts and in reviews. service and customer are '' when the
-- annotation is not about one.
CREATE TABLE IF NOT EXISTS annotations {{ON_CLUSTER}}
(
    id         UUID,
    starts_at  DateTime64(3, 'UTC'),
    ends_at    Nullable(DateTime64(3, 'UTC')),
    service    LowCardinality(String),
    customer   String,
    kind       LowCardinality(String),
    text       String,
    link       String,
    created_at DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(created_at)
PARTITION BY toYYYYMM(starts_at)
ORDER BY (starts_at, id)
