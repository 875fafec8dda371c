-- Recomputes the daily roll-up of the days in [from, to) from the hours (replacing what was there). A slice whose
-- hours in a day have different bucket layouts gets no histogram for that day.
INSERT INTO telemetry_day (service, customer, source, day, requests, errors, latency_le, latency_counts, mergeable,
                           layouts, minutes, computed_at)
SELECT service, customer, source, toDate(hour) AS day,
       sum(requests), sum(errors),
       if(uniqExactIf(latency_le, length(latency_le) > 0) = 1, anyIf(latency_le, length(latency_le) > 0), []),
       if(uniqExactIf(latency_le, length(latency_le) > 0) = 1, sumForEachIf(latency_counts, length(latency_le) > 0), []),
       min(mergeable), greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)), sum(minutes), {computed_at:DateTime64(3, 'UTC')}
FROM telemetry_hour FINAL
WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
GROUP BY service, customer, source, day
