DROP TABLE IF EXISTS pushed_series_minute {{ON_CLUSTER}} SYNC
