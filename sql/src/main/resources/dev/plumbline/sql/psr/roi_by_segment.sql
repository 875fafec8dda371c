-- The ROI ranking by customer segment: revenue at risk summed over the segment's slices.
SELECT if(segment = '', '(unknown)', segment)    AS segment_name,
       uniqExactIf(customer, badness > 1)        AS customers_affected,
       sum(revenue_at_risk)                      AS segment_revenue_at_risk,
       max(badness)                              AS worst_badness,
       segment_revenue_at_risk / nullIf(max(segment_revenue_at_risk) OVER (), 0) AS relative_score
FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                day_to = {day_to:DateTime('UTC')},
                month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                hour_from = {hour_from:DateTime('UTC')},
                hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date}, today = {today:Date},
                codes = {codes:Array(String)}, rates = {rates:Array(Float64)}, saturation = {saturation:Float64},
                horizon_days = {horizon_days:Int32}, multiplier = {multiplier:Float64})
GROUP BY segment
ORDER BY segment_revenue_at_risk DESC, worst_badness DESC, segment_name
