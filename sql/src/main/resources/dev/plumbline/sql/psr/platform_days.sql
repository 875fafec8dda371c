-- The whole platform per day in [from_day, to_day): requests and errors over every service and customer.
SELECT day, sum(requests) AS requests, sum(errors) AS errors
FROM telemetry_day FINAL
WHERE day >= {from_day:Date} AND day < {to_day:Date}
GROUP BY day
ORDER BY day
