-- The summary's customer figures and its largest risks in ONE pass over psr_slices (the view is the costly part):
-- every row carries the totals over all slices (ARR of customers with traffic, ARR of customers with a slice over
-- budget, revenue at risk, customers), and the rows are the slices over budget with the most revenue at risk first
-- (the largest risks in money; the ROI page ranks by return instead). No row when no slice is over budget (the engine
-- then reads the totals another way).
SELECT *
FROM (
    SELECT *,
           sum(if(customer_known, toFloat64(arr_reporting), 0.) / customer_slices) OVER ()                   AS arr_total,
           sum(if(customer_known AND customer_worst > 1, toFloat64(arr_reporting), 0.) / customer_slices) OVER () AS arr_outside,
           sum(revenue_at_risk) OVER ()                                                                      AS risk_total,
           sum(1. / customer_slices) OVER ()                                                                 AS customers_total,
           countIf(badness > 1) OVER ()                                                                      AS total_rows,
           max(if(badness > 1, roi, 0.)) OVER ()                                                             AS top_roi
    FROM (
        SELECT * EXCEPT (latency_counts, latency_le, latency_layouts, latency_mergeable),
               count() OVER (PARTITION BY customer)                 AS customer_slices,
               max(ifNull(badness, 0.)) OVER (PARTITION BY customer) AS customer_worst
        FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                day_to = {day_to:DateTime('UTC')},
                month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                hour_from = {hour_from:DateTime('UTC')},
                hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date}, today = {today:Date},
                codes = {codes:Array(String)}, rates = {rates:Array(Float64)}, saturation = {saturation:Float64},
                horizon_days = {horizon_days:Int32}, multiplier = {multiplier:Float64})))
WHERE badness > 1
ORDER BY revenue_at_risk DESC, badness DESC, service, customer
LIMIT {limit:UInt32}
