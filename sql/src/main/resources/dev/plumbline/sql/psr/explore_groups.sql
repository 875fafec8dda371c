-- The Explore page: the period's slices (only those of one service unless service is '') grouped by service,
-- segment, region, plan, data-volume band or customer (chosen by group_by; customers as of as_of, '' when unknown):
-- requests, errors and the merged latency histogram (summed element-wise; layouts > 1 when bucket bounds differ and
-- cannot be merged), the customers, those outside an objective (badness > 1) and the revenue at risk, all as the
-- psr_slices view defines them (views/psr_slices.sql). For a customer, the label is its name (its id when unknown).
SELECT group_key, group_label, r AS requests, e AS errors, c AS counts, l AS le, n AS layouts, m AS mergeable,
       k AS customers, k_out AS customers_outside, risk AS revenue_at_risk, s AS services
FROM (
    SELECT multiIf({group_by:String} = 'service', service, {group_by:String} = 'segment', segment,
                   {group_by:String} = 'region', region, {group_by:String} = 'plan', plan,
                   {group_by:String} = 'volume-band', volume_band, customer)                  AS group_key,
           if({group_by:String} = 'customer', anyIf(customer_name, customer_name != ''), '')  AS group_label,
           sum(requests)                                                                      AS r,
           sum(errors)                                                                        AS e,
           sumForEachIf(latency_counts, length(latency_le) > 0)                               AS c,
           anyIf(latency_le, length(latency_le) > 0)                                          AS l,
           greatest(uniqExactIf(latency_le, length(latency_le) > 0), max(latency_layouts))    AS n,
           min(latency_mergeable)                                                             AS m,
           uniqExact(customer)                                                                AS k,
           uniqExactIf(customer, ifNull(badness, 0.) > 1)                                     AS k_out,
           sum(revenue_at_risk)                                                               AS risk,
           arraySort(groupUniqArray(service))                                                 AS s
    FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                    day_to = {day_to:DateTime('UTC')},
                    month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                    hour_from = {hour_from:DateTime('UTC')},
                    hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date},
                    today = {today:Date}, codes = {codes:Array(String)}, rates = {rates:Array(Float64)},
                    saturation = {saturation:Float64}, horizon_days = {horizon_days:Int32},
                    multiplier = {multiplier:Float64})
    WHERE {service:String} = '' OR service = {service:String}
    GROUP BY group_key)
ORDER BY group_key
