-- slice_totals(from, to, month_from, month_to, day_from, day_to, hour_from, hour_to, edges): per slice (service x
-- customer), the telemetry of [from, to), read in parts (Period.parts(): the Java side computes them): the whole UTC
-- months [month_from, month_to) from the monthly roll-up, the other whole UTC days [day_from, day_to) from the daily
-- one, the other whole hours [hour_from, hour_to) from the hourly one, and, when the period does not start and end on
-- whole hours (edges), its minutes outside [hour_from, hour_to) from the raw minutes (kept for the raw TTL only).
-- Histograms are summed element-wise; `layouts` counts the distinct bucket layouts seen, including those the roll-ups
-- already found (only 1 can be merged), `mergeable` is false when any row came from a source that only gave
-- percentiles. A month's rows hold what its days' rows hold, summed the same way (telemetry/roll_up_months.sql).
CREATE OR REPLACE VIEW slice_totals {{ON_CLUSTER}} AS
SELECT service,
       customer,
       sum(requests)                                          AS requests,
       sum(errors)                                            AS errors,
       sumForEachIf(latency_counts, length(latency_le) > 0)   AS counts,
       anyIf(latency_le, length(latency_le) > 0)              AS le,
       greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)) AS layouts,
       min(mergeable)                                         AS mergeable,
       sum(minutes)                                           AS minutes_with_data
FROM
(
    SELECT service, customer, requests, errors, latency_le, latency_counts, mergeable, layouts, minutes
    FROM telemetry_month FINAL
    WHERE month >= toDate({month_from:DateTime('UTC')}) AND month < toDate({month_to:DateTime('UTC')})
    UNION ALL
    SELECT service, customer, requests, errors, latency_le, latency_counts, mergeable, layouts, toUInt32(minutes)
    FROM telemetry_day FINAL
    WHERE day >= toDate({day_from:DateTime('UTC')}) AND day < toDate({day_to:DateTime('UTC')})
      AND NOT (day >= toDate({month_from:DateTime('UTC')}) AND day < toDate({month_to:DateTime('UTC')}))
    UNION ALL
    SELECT service, customer, requests, errors, latency_le, latency_counts, mergeable, layouts, toUInt32(minutes)
    FROM telemetry_hour FINAL
    WHERE hour >= {hour_from:DateTime('UTC')} AND hour < {hour_to:DateTime('UTC')}
      AND NOT (hour >= {day_from:DateTime('UTC')} AND hour < {day_to:DateTime('UTC')})
    UNION ALL
    SELECT service, customer, requests, errors, latency_le, latency_counts, mergeable,
           toUInt8(length(latency_le) > 0) AS layouts, toUInt32(1) AS minutes
    FROM telemetry_minute FINAL
    WHERE {edges:Bool}
      AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
      AND NOT (minute >= {hour_from:DateTime('UTC')} AND minute < {hour_to:DateTime('UTC')})
)
GROUP BY service, customer
