-- Fixes tracked from the ROI or Fixes page ("Track this fix", README "Tracked fixes"), every version kept
-- (append-only: tracking adds a row, marking it shipped adds another; the current fix is the one with the latest
-- row_version, a RowVersions value). problem names an objective of the service (availability or latency); customers
-- are the affected customer ids. snapshot_*: the figures over [snapshot_from, snapshot_to) when it was tracked (the
-- hypothesis' figure over the affected customers, their requests, and their revenue at risk on the service).
-- hypothesis_*: the figure (error_ratio, p95_ms), the comparison (below, above) and the value it must reach. state is
-- what people recorded (planned, shipped); the measured states are computed from the data when read.
-- A retried insert of the same version collapses into one row.
CREATE TABLE IF NOT EXISTS tracked_fixes {{ON_CLUSTER}}
(
    id                    String,
    row_version           DateTime64(3, 'UTC'),
    service               LowCardinality(String),
    problem               String,
    customers             Array(String),
    snapshot_from         Date,
    snapshot_to           Date,
    snapshot_requests     Float64,
    snapshot_value        Nullable(Float64),
    snapshot_revenue      Float64,
    owner                 String,
    target_date           Date,
    hypothesis_figure     LowCardinality(String),
    hypothesis_comparison LowCardinality(String),
    hypothesis_value      Float64,
    title                 String,
    state                 LowCardinality(String),
    shipped_at            Nullable(DateTime64(3, 'UTC')),
    deploy_annotation     String,
    created_by            String,
    created_at            DateTime64(3, 'UTC'),
    updated_by            String,
    updated_at            DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree
ORDER BY (id, row_version)
