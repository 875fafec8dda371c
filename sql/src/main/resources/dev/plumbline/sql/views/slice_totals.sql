-- slice_totals(from, to): per slice (service x customer), the telemetry of [from, to): whole UTC days from the daily
-- roll-up, the hours at either edge from the hourly one. Histograms are summed element-wise; `layouts` counts the
-- distinct bucket layouts seen, including those the roll-ups already found (only 1 can be merged), `mergeable` is false when any row came from a source that only
-- gave percentiles.
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
    FROM telemetry_day FINAL
    WHERE day >= toDate(if({from:DateTime('UTC')} = toStartOfDay({from:DateTime('UTC')}), {from:DateTime('UTC')},
                           toStartOfDay({from:DateTime('UTC')}) + INTERVAL 1 DAY))
      AND day < toDate(toStartOfDay({to:DateTime('UTC')}))
    UNION ALL
    SELECT service, customer, requests, errors, latency_le, latency_counts, mergeable, layouts, minutes
    FROM telemetry_hour FINAL
    WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
      AND NOT (hour >= if({from:DateTime('UTC')} = toStartOfDay({from:DateTime('UTC')}), {from:DateTime('UTC')},
                          toStartOfDay({from:DateTime('UTC')}) + INTERVAL 1 DAY)
               AND hour < toStartOfDay({to:DateTime('UTC')}))
)
GROUP BY service, customer
