-- The last enqueued run of every subscription that has one.
SELECT subscription_id, last_run
FROM digest_subscription_runs FINAL
