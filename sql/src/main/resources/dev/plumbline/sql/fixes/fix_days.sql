-- The days in [from_day, to_day) of a fix's affected customers on its service, per customer: requests, errors and the
-- merged histogram of the day (over every source), from the daily roll-up, as customer_days.sql reads them.
SELECT day, customer, r AS requests, e AS errors, c AS counts, l AS le, n AS layouts, m AS mergeable
FROM (
    SELECT day, customer,
           sum(requests)                                              AS r,
           sum(errors)                                                AS e,
           sumForEachIf(latency_counts, length(latency_le) > 0)       AS c,
           anyIf(latency_le, length(latency_le) > 0)                  AS l,
           greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)) AS n,
           min(mergeable)                                             AS m
    FROM telemetry_day FINAL
    WHERE service = {service:String} AND has({customers:Array(String)}, customer)
      AND day >= {from_day:Date} AND day < {to_day:Date}
    GROUP BY day, customer)
ORDER BY day, customer
