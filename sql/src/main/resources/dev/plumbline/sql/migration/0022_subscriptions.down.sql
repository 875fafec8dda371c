DROP TABLE IF EXISTS digest_subscription_runs {{ON_CLUSTER}} SYNC;
DROP TABLE IF EXISTS digest_subscriptions {{ON_CLUSTER}} SYNC
