DROP TABLE IF EXISTS notification_outbox {{ON_CLUSTER}} SYNC
