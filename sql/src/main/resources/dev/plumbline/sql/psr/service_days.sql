-- One service's days in [from_day, to_day): requests, errors and the merged histogram per day, from the daily roll-up.
SELECT day, r AS requests, e AS errors, c AS counts, l AS le, n AS layouts, m AS mergeable
FROM (
    SELECT day,
           sum(requests)                                              AS r,
           sum(errors)                                                AS e,
           sumForEachIf(latency_counts, length(latency_le) > 0)       AS c,
           anyIf(latency_le, length(latency_le) > 0)                  AS l,
           greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)) AS n,
           min(mergeable)                                             AS m
    FROM telemetry_day FINAL
    WHERE service = {service:String} AND day >= {from_day:Date} AND day < {to_day:Date}
    GROUP BY day)
ORDER BY day
