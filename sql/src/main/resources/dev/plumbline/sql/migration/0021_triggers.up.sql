-- Triggers (rules on a catalog figure for a set of customers, sent to a named destination, with the owner who must
-- act) and their state per subject. Every saved version of a trigger is a row (ORDER BY id, row_version; row_version a
-- RowVersions value): the current one is the latest, a deletion is a version with is_deleted = 1. The rule: figure
-- (health, slice-burn-rate, slice-budget-consumed, service-revenue-at-risk), service ('' for every service of a service
-- figure), window_minutes (the figure is computed over the last window), comparison (above, below) and threshold. The
-- customer set: customer_ids (empty: any), segment ('' any), arr_above (-1: any), renewing_within_days (-1: any).
-- cooldown_minutes 0 for none.
CREATE TABLE IF NOT EXISTS triggers {{ON_CLUSTER}}
(
    id                   String,
    row_version          DateTime64(3, 'UTC'),
    saved_at             DateTime64(3, 'UTC'),
    saved_by             String,
    is_deleted           UInt8,
    name                 String,
    figure               LowCardinality(String),
    service              String,
    window_minutes       UInt32,
    comparison           LowCardinality(String),
    threshold            Float64,
    customer_ids         Array(String),
    segment              String,
    arr_above            Float64,
    renewing_within_days Int32,
    destination          String,
    owner                String,
    cooldown_minutes     UInt32,
    only_once            Bool,
    enabled              Bool,
    include_money        Bool
)
ENGINE = {{REPLICATED}}ReplacingMergeTree
ORDER BY (id, row_version);

-- The state of a trigger per subject (a customer, or a service for a service figure), a new row version at each
-- change: breaching (the rule holds now), since (when the current or last breach began), notified (the current breach
-- was sent as firing; false while a cooldown or only-once holds it back), last_fired_at (the last firing sent; the
-- epoch if none), fired_count, and the last value seen.
CREATE TABLE IF NOT EXISTS trigger_state {{ON_CLUSTER}}
(
    trigger_id    String,
    subject       String,
    row_version   DateTime64(3, 'UTC'),
    breaching     Bool,
    since         DateTime64(3, 'UTC'),
    notified      Bool,
    last_fired_at DateTime64(3, 'UTC'),
    fired_count   UInt32,
    value         Float64,
    evaluated_at  DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(row_version)
ORDER BY (trigger_id, subject)
