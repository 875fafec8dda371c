-- The ROI ranking by service: revenue at risk summed over the service's customers, divided by its effort; the
-- service's problem is the kind (availability or latency) of its worst slice over budget, and its largest affected
-- customer the one over budget with the most revenue at risk ('' when none is over budget).
SELECT service,
       countIf(badness > 1)                        AS customers_affected,
       argMaxIf(worst_kind, badness, badness > 1)  AS problem,
       argMaxIf(customer, (revenue_at_risk, badness), badness > 1)      AS largest_customer,
       argMaxIf(customer_name, (revenue_at_risk, badness), badness > 1) AS largest_customer_name,
       sum(revenue_at_risk)                        AS service_revenue_at_risk,
       any(effort_weeks)                           AS service_effort_weeks,
       service_revenue_at_risk / service_effort_weeks AS service_roi,
       max(badness)                                AS worst_badness,
       sum(requests)                               AS service_requests,
       count() OVER ()                             AS total_rows,
       max(service_roi) OVER ()                    AS top_roi
FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                day_to = {day_to:DateTime('UTC')},
                month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                hour_from = {hour_from:DateTime('UTC')},
                hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date}, today = {today:Date},
                codes = {codes:Array(String)}, rates = {rates:Array(Float64)}, saturation = {saturation:Float64},
                horizon_days = {horizon_days:Int32}, multiplier = {multiplier:Float64})
WHERE has_objective
GROUP BY service
ORDER BY service_roi DESC, worst_badness DESC, service
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
