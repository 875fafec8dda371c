-- Test: per slice over [from, to): requests from the hourly roll-up.
-- params: from, to
SELECT service, customer, sum(requests), 0, 0
FROM telemetry_hour FINAL
WHERE hour >= ? AND hour < ?
GROUP BY service, customer
