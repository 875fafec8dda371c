-- The whole platform per day in [from_day, to_day), every day of it: requests and errors over every service and
-- customer, and the day's availability (1 - errors / requests; NULL on a day without requests, which WITH FILL adds
-- with 0 requests).
SELECT day, r AS requests, e AS errors, if(r > 0, 1 - e / r, NULL) AS availability
FROM (
    SELECT day, sum(requests) AS r, sum(errors) AS e
    FROM telemetry_day FINAL
    WHERE day >= {from_day:Date} AND day < {to_day:Date}
    GROUP BY day)
ORDER BY day WITH FILL FROM {from_day:Date} TO {to_day:Date}
