-- Test: per slice, what a source stored over [from, to): totals, the merged histogram and the number of minute rows.
SELECT service, customer, sum(requests) AS requests, sum(errors) AS errors,
       anyIf(latency_le, length(latency_le) > 0) AS le,
       sumForEachIf(latency_counts, length(latency_le) > 0) AS counts, count() AS rows
FROM telemetry_minute FINAL
WHERE source = {source:String} AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
GROUP BY service, customer
ORDER BY service, customer
