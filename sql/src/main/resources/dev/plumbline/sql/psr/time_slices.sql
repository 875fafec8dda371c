-- The time slices of [from, to) for one time-slice objective of one service: per customer (by_customer = 1) or for
-- the whole service (''), how many slices were judged, how many reached the slice target, the sum of their good
-- shares, how many could not be judged, and how many minutes with data are no longer kept per minute.
-- A slice is slice_seconds long, counted from `from`; its good share is (requests - errors) / requests for
-- availability, or 1 - the share slower than threshold_seconds from its merged histogram for latency (linear inside
-- the bucket holding the threshold, the +Inf bucket slower; as psr_slices). A slice without requests is not judged.
-- Slices of whole hours read the hourly roll-up (use_minutes = 0); shorter ones read the minutes, which are kept
-- for the raw TTL only: minutes_missing compares them with the minutes the hourly roll-up counted.
WITH {from:DateTime('UTC')}       AS period_from,
     {to:DateTime('UTC')}         AS period_to,
     {slice_seconds:UInt32}       AS slice_seconds,
     {use_minutes:UInt8}          AS use_minutes,
     {service:String}             AS the_service,
     {by_customer:UInt8}          AS by_customer,
     {customer:String}            AS the_customer,
     {indicator:String}           AS indicator,
     {threshold_seconds:Float64}  AS threshold_seconds,
     {slice_target:Float64}       AS slice_target
SELECT h.key                                        AS key,
       s.judged                                     AS judged,
       s.good                                       AS good,
       s.good_share_sum                             AS good_share_sum,
       s.unjudgeable                                AS unjudgeable,
       if(use_minutes = 1, greatest(0, toInt64(h.hour_minutes) - toInt64(s.minute_rows)), 0) AS minutes_missing
FROM (
    SELECT if(by_customer = 1, customer, '') AS key, sum(minutes) AS hour_minutes
    FROM telemetry_hour FINAL
    WHERE service = the_service AND hour >= period_from AND hour < period_to
      AND (the_customer = '' OR customer = the_customer)
    GROUP BY key) AS h
LEFT JOIN (
    SELECT key,
           countIf(r > 0 AND good_share IS NOT NULL)                         AS judged,
           countIf(r > 0 AND good_share IS NOT NULL AND good_share >= slice_target) AS good,
           sumIf(assumeNotNull(good_share), r > 0 AND good_share IS NOT NULL) AS good_share_sum,
           countIf(r > 0 AND good_share IS NULL)                             AS unjudgeable,
           sum(rows)                                                         AS minute_rows
    FROM (
        SELECT key, slice, rows, r,
               multiIf(r <= 0, NULL,
                       indicator = 'availability', (r - e) / r,
                       m = 0 OR length(le) = 0 OR n > 1 OR arraySum(c) <= 0, NULL,
                       1 - arraySum(arrayMap((k, lo, hi) -> k * multiIf(hi <= threshold_seconds, 0.,
                                                                        lo >= threshold_seconds, 1., isInfinite(hi), 1.,
                                                                        (hi - threshold_seconds) / (hi - lo)),
                                             c, arrayPushFront(arrayPopBack(le), 0.), le)) / arraySum(c)) AS good_share
        FROM (
            SELECT if(by_customer = 1, customer, '')                               AS key,
                   intDiv(toUInt32(dateDiff('second', period_from, t)), slice_seconds) AS slice,
                   count()                                                         AS rows,
                   sum(requests)                                                   AS r,
                   sum(errors)                                                     AS e,
                   sumForEachIf(latency_counts, length(latency_le) > 0)            AS c,
                   anyIf(latency_le, length(latency_le) > 0)                       AS le,
                   greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(layouts)) AS n,
                   min(mergeable)                                                  AS m
            FROM (
                SELECT customer, minute AS t, requests, errors, latency_le, latency_counts, mergeable,
                       toUInt8(1) AS layouts
                FROM telemetry_minute FINAL
                WHERE use_minutes = 1 AND service = the_service AND minute >= period_from AND minute < period_to
                  AND (the_customer = '' OR customer = the_customer)
                UNION ALL
                SELECT customer, hour AS t, requests, errors, latency_le, latency_counts, mergeable, layouts
                FROM telemetry_hour FINAL
                WHERE use_minutes = 0 AND service = the_service AND hour >= period_from AND hour < period_to
                  AND (the_customer = '' OR customer = the_customer))
            GROUP BY key, slice))
    GROUP BY key) AS s ON s.key = h.key
ORDER BY key
