-- The minutes of [from, to) an alert backtest replays, for one service and objective, as one row of arrays (one
-- element per minute with data; minutes without data are absent): the minute's offset from `from`, its requests, its
-- bad requests (availability: the errors; latency: the requests slower than threshold_seconds, from the minute's
-- merged histogram, linear inside the bucket holding the threshold and exact at a bucket bound, the +Inf bucket
-- slower, as psr_slices), and whether it could be judged (latency needs one bucket layout from sources that give
-- buckets). per_customer = 0 reads the per-service minutes (all customers summed, kept long: one row per minute);
-- per_customer = 1 the raw minutes of one customer, or of the customers of a segment as of as_of (kept for the raw
-- TTL only), summed per minute. Every array is Float64, so the store reads them without boxing.
-- The segment's customers are one array, computed once where the query runs: a sharded store (README, "Clusters")
-- cannot send a subquery over a parameterized view to its shards (ClickHouse 26.7 loses the view's parameters).
WITH {from:DateTime('UTC')}      AS range_from,
     {to:DateTime('UTC')}        AS range_to,
     {service:String}            AS the_service,
     {per_customer:UInt8}        AS per_customer,
     {customer:String}           AS the_customer,
     {segment:String}            AS the_segment,
     {latency:UInt8}             AS latency,
     {threshold_seconds:Float64} AS threshold_seconds,
     (SELECT groupArray(id) FROM customers_as_of(as_of = {as_of:Date}) WHERE segment = the_segment) AS segment_customers
SELECT groupArray(toFloat64(dateDiff('minute', range_from, minute))) AS offsets,
       groupArray(requests)                                          AS requests,
       groupArray(bad)                                               AS bad,
       groupArray(toFloat64(judged))                                 AS judged
FROM (
    SELECT minute, requests,
           toUInt8(latency = 0 OR (m AND length(le) > 0 AND n = 1 AND arraySum(c) > 0)) AS judged,
           multiIf(latency = 0, errors, judged = 0, 0.,
                   requests * arraySum(arrayMap((k, lo, hi) -> k * multiIf(hi <= threshold_seconds, 0.,
                                                                           lo >= threshold_seconds, 1.,
                                                                           isInfinite(hi), 1.,
                                                                           (hi - threshold_seconds) / (hi - lo)),
                                                c, arrayPushFront(arrayPopBack(le), 0.), le)) / arraySum(c)) AS bad
    FROM (
        SELECT minute, requests, errors, latency_counts AS c, latency_le AS le, layouts AS n, mergeable AS m
        FROM service_minute FINAL
        WHERE per_customer = 0 AND service = the_service AND minute >= range_from AND minute < range_to
        UNION ALL
        SELECT minute,
               sum(requests),
               sum(errors),
               sumForEachIf(latency_counts, length(latency_le) > 0),
               anyIf(latency_le, length(latency_le) > 0),
               toUInt8(uniqExactIf(latency_le, length(latency_le) > 0)),
               min(mergeable)
        FROM telemetry_minute FINAL
        WHERE per_customer = 1 AND service = the_service AND minute >= range_from AND minute < range_to
          AND (customer = the_customer
               OR (the_segment != '' AND has(segment_customers, customer)))
        GROUP BY minute))
