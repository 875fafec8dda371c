-- The months in which some service has telemetry (the per-service hourly roll-up), newest first: the months the
-- pages' month lists offer (with the current one).
SELECT DISTINCT toStartOfMonth(hour) AS month
FROM service_hour
ORDER BY month DESC
