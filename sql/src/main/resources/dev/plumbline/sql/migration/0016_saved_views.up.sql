-- Explore views saved by name (the Explore page): the figure, the grouping, the service ('' for all) and the period as
-- the page takes it (month, or from and to; all '' for the default month). Private to their owner unless shared. A
-- change or a deletion adds a row (ReplacingMergeTree keeps the latest row_version, a RowVersions value); deleted
-- views are kept as rows with is_deleted = 1.
CREATE TABLE IF NOT EXISTS saved_views {{ON_CLUSTER}}
(
    id          String,
    name        String,
    owner       String,
    shared      Bool,
    figure      LowCardinality(String),
    group_by    LowCardinality(String),
    service     String,
    month       String,
    from_value  String,
    to_value    String,
    created_at  DateTime64(3, 'UTC'),
    saved_at    DateTime64(3, 'UTC'),
    is_deleted  UInt8,
    row_version DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(row_version)
ORDER BY id
