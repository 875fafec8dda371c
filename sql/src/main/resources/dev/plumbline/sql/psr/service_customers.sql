-- Every customer of one service in the period, the most hurt first: by revenue at risk when by_money (money roles),
-- else by badness (the worst burn over the service's objectives), then by requests. Figures: see the psr_slices view
-- (views/psr_slices.sql); the review's customer table reads its order, names and money here.
SELECT customer, customer_known, customer_name, badness, worst_kind, revenue_at_risk
FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                day_to = {day_to:DateTime('UTC')},
                month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                hour_from = {hour_from:DateTime('UTC')},
                hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date}, today = {today:Date},
                codes = {codes:Array(String)}, rates = {rates:Array(Float64)}, saturation = {saturation:Float64},
                horizon_days = {horizon_days:Int32}, multiplier = {multiplier:Float64})
WHERE service = {service:String}
ORDER BY if({by_money:Bool}, revenue_at_risk, 0.) DESC, ifNull(badness, -1.) DESC, requests DESC, customer
