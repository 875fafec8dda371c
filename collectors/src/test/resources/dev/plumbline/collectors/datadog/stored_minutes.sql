-- Test: every minute row a source stored, as the engine reads it.
SELECT customer, toString(minute) AS minute, requests, errors
FROM telemetry_minute FINAL
WHERE source = {source:String}
ORDER BY customer, minute
