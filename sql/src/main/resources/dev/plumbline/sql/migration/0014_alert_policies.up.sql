-- The alert policy saved for a service's objective, every version kept (append-only: a save adds a row; the current
-- policy is the one with the latest row_version, a RowVersions value: unique and increasing within the process).
-- The rules are parallel arrays, one element per rule, in the policy's order; windows and durations in whole minutes
-- (short_window_minutes 0: a single-window rule). Who saved it (saved_by) and when (saved_at, the application's
-- clock) are kept with each version. A retried insert of the same version collapses into one row.
CREATE TABLE IF NOT EXISTS alert_policies {{ON_CLUSTER}}
(
    service              LowCardinality(String),
    objective            String,
    row_version          DateTime64(3, 'UTC'),
    saved_at             DateTime64(3, 'UTC'),
    saved_by             String,
    name                 String,
    description          String,
    rule_names           Array(String),
    severities           Array(LowCardinality(String)),
    long_window_minutes  Array(UInt32),
    short_window_minutes Array(UInt32),
    factors              Array(Float64),
    for_minutes          Array(UInt32),
    keep_firing_minutes  Array(UInt32),
    min_requests         Array(UInt64)
)
ENGINE = {{REPLICATED}}ReplacingMergeTree
ORDER BY (service, objective, row_version)
