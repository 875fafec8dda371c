-- Test: per slice, what a source stored over [from, to): totals, the merged histogram and the number of minute rows.
-- params: source, from, to
SELECT service, customer, sum(requests) AS requests, sum(errors) AS errors,
       anyIf(latency_le, length(latency_le) > 0) AS le,
       sumForEachIf(latency_counts, length(latency_le) > 0) AS counts, count() AS rows
FROM telemetry_minute FINAL
WHERE source = ? AND minute >= ? AND minute < ?
GROUP BY service, customer
ORDER BY service, customer
