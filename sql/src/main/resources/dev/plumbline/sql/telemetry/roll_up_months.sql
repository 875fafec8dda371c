-- Recomputes the monthly roll-up of the months in [from, to) (first days of months) from the daily one (replacing
-- what was there), summed as slice_totals sums days: histograms element-wise over the days that have one, layouts the
-- distinct bucket layouts seen (the figures say a histogram cannot be merged when more than one).
INSERT INTO telemetry_month (service, customer, source, month, requests, errors, latency_le, latency_counts, mergeable,
                             layouts, minutes, computed_at)
SELECT service, customer, source, toStartOfMonth(day) AS month,
       sum(requests), sum(errors),
       anyIf(latency_le, length(latency_le) > 0),
       sumForEachIf(latency_counts, length(latency_le) > 0),
       min(mergeable), greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)), sum(minutes),
       {computed_at:DateTime64(3, 'UTC')}
FROM telemetry_day FINAL
WHERE day >= {from:Date} AND day < {to:Date}
GROUP BY service, customer, source, month
