-- Customers as the CRM or billing system gives them, kept as history: a row per customer and effective date, so a
-- past month's review uses that month's ARR and seats. arr is in `currency`; conversion happens at query time.
CREATE TABLE IF NOT EXISTS customers {{ON_CLUSTER}}
(
    id             String,
    name           String,
    segment        LowCardinality(String),
    region         LowCardinality(String),
    plan           LowCardinality(String),
    arr            Decimal(18, 2),
    currency       LowCardinality(String),
    seats          UInt32,
    active_users   UInt32,
    renewal_date   Nullable(Date),
    data_volume_gb Float64,
    effective_from Date,
    updated_at     DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at)
ORDER BY (id, effective_from)
