-- Every lease, held, expired or released.
SELECT lease, holder, token, expires_ms FROM plumbline_leases ORDER BY lease
SETTINGS keeper_max_retries = 2, keeper_retry_max_backoff_ms = 500
