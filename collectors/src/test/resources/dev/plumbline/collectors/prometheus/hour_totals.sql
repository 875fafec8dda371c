-- Test: per slice over [from, to): requests from the hourly roll-up.
SELECT service, customer, sum(requests), 0, 0
FROM telemetry_hour FINAL
WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
GROUP BY service, customer
