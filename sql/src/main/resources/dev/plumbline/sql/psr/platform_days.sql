-- The whole platform per day in [from_day, to_day): requests and errors over every service and customer.
-- params: from_day, to_day
SELECT day, sum(requests) AS requests, sum(errors) AS errors
FROM telemetry_day FINAL
WHERE day >= ? AND day < ?
GROUP BY day
ORDER BY day
