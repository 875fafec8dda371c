-- Per service, the busiest minute of [from, to) in requests per second (all customers; per source, summed where
-- several report the service). Whole hours read the busiest minute kept with the hour; hours written without their
-- minutes count with their average instead (peak_from_minutes then says so). The minutes at either end that are not
-- a whole hour (edges) are read from the raw minutes.
SELECT service, max(rps) AS peak_rps, min(from_minutes) AS peak_from_minutes
FROM (
    SELECT service,
           if(sum(peak_minute_requests) IS NULL, sum(requests) / 3600, sum(peak_minute_requests) / 60) AS rps,
           sum(peak_minute_requests) IS NOT NULL                                                      AS from_minutes
    FROM service_hour FINAL
    WHERE hour >= {hour_from:DateTime('UTC')} AND hour < {hour_to:DateTime('UTC')}
    GROUP BY service, hour
    UNION ALL
    SELECT service, sum(requests) / 60 AS rps, true AS from_minutes
    FROM telemetry_minute FINAL
    WHERE {edges:Bool}
      AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
      AND NOT (minute >= {hour_from:DateTime('UTC')} AND minute < {hour_to:DateTime('UTC')})
    GROUP BY service, minute)
GROUP BY service
ORDER BY service
