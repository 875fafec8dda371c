-- Recomputes the hourly roll-up of the hours in [from, to) from the minutes (replacing what was there). A slice
-- whose minutes in an hour have different bucket layouts gets no histogram for that hour.
INSERT INTO telemetry_hour (service, customer, source, hour, requests, errors, latency_le, latency_counts, mergeable,
                            layouts, minutes, computed_at)
SELECT service, customer, source, toStartOfHour(minute) AS hour,
       sum(requests), sum(errors),
       if(uniqExactIf(latency_le, length(latency_le) > 0) = 1, anyIf(latency_le, length(latency_le) > 0), []),
       if(uniqExactIf(latency_le, length(latency_le) > 0) = 1, sumForEachIf(latency_counts, length(latency_le) > 0), []),
       min(mergeable), uniqExactIf(latency_le, length(latency_le) > 0), uniqExact(minute), {computed_at:DateTime64(3, 'UTC')}
FROM telemetry_minute FINAL
WHERE minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
GROUP BY service, customer, source, hour
