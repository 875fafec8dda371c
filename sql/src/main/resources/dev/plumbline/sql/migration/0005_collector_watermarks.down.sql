DROP TABLE IF EXISTS collector_watermarks {{ON_CLUSTER}} SYNC
