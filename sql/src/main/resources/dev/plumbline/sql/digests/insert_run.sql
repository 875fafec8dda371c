INSERT INTO digest_subscription_runs (subscription_id, row_version, last_run, notification_id)
