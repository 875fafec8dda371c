-- Test: per slice over [from, to): requests (FINAL), rows as stored after a merge, and distinct minutes.
SELECT service, customer, sumIf(requests, latest) AS requests, count() AS stored_rows, uniqExact(minute) AS distinct_minutes
FROM (
    SELECT service, customer, minute, requests,
           collected_at = max(collected_at) OVER (PARTITION BY service, customer, source, minute) AS latest
    FROM telemetry_minute
    WHERE minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')})
WHERE latest
GROUP BY service, customer
