-- Technical health per customer, 0-100: 100 x the exposure-weighted mean over its slices with an objective of
-- (1 - min(1, max(0, badness - 1) / saturation)). Null when none of its slices has an objective. Worst first.
SELECT customer,
       any(customer_name)                                             AS name_of_customer,
       any(segment)                                                   AS segment_of_customer,
       any(arr_reporting)                                             AS customer_arr_reporting,
       any(renewal_date)                                              AS customer_renewal_date,
       if(sumIf(exposure, badness IS NOT NULL) > 0,
          100 * sumIf(exposure * (1 - saturated_badness), badness IS NOT NULL) / sumIf(exposure, badness IS NOT NULL),
          NULL)                                                       AS health,
       count()                                                        AS services_used,
       countIf(badness > 1)                                           AS services_over_budget,
       argMax(service, ifNull(badness, -1))                           AS worst_service,
       max(badness)                                                   AS worst_badness,
       sum(revenue_at_risk)                                           AS customer_revenue_at_risk,
       count() OVER ()                                                AS total_rows
FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                day_to = {day_to:DateTime('UTC')},
                month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                hour_from = {hour_from:DateTime('UTC')},
                hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date}, today = {today:Date},
                codes = {codes:Array(String)}, rates = {rates:Array(Float64)}, saturation = {saturation:Float64},
                horizon_days = {horizon_days:Int32}, multiplier = {multiplier:Float64})
WHERE ({customer:String} = '' OR customer = {customer:String})
GROUP BY customer
ORDER BY health ASC NULLS LAST, customer_revenue_at_risk DESC, customer
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
