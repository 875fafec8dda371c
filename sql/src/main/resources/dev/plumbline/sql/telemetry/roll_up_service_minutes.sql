-- Recomputes the per-service minutes of [from, to) from the raw minutes (replacing what was there): every customer
-- and source of a service summed per minute. A minute whose rows have different bucket layouts gets no histogram
-- (layouts says how many there were). Minutes no longer in telemetry_minute are left as they are.
INSERT INTO service_minute (service, minute, requests, errors, latency_le, latency_counts, layouts, mergeable,
                            computed_at)
SELECT service, minute,
       sum(requests), sum(errors),
       if(uniqExactIf(latency_le, length(latency_le) > 0) = 1, anyIf(latency_le, length(latency_le) > 0), []),
       if(uniqExactIf(latency_le, length(latency_le) > 0) = 1, sumForEachIf(latency_counts, length(latency_le) > 0), []),
       uniqExactIf(latency_le, length(latency_le) > 0), min(mergeable), {computed_at:DateTime64(3, 'UTC')}
FROM telemetry_minute FINAL
WHERE minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
GROUP BY service, minute
