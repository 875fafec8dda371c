-- Test: every minute row a source stored, as the engine reads it.
-- params: source
SELECT customer, toString(minute) AS minute, requests, errors
FROM telemetry_minute FINAL
WHERE source = ?
ORDER BY customer, minute
