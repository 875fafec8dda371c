-- The ROI ranking of slices (service x customer) whose badness is above 1, best return first, one page.
-- total_rows and top_roi describe the whole filtered ranking. Figures: see the psr_slices view (views/psr_slices.sql).
-- Segment, region, plan and service match whatever their case ("Enterprise" is enterprise).
SELECT * EXCEPT (latency_counts, latency_le, latency_layouts, latency_mergeable),
       count() OVER ()  AS total_rows,
       max(roi) OVER () AS top_roi
FROM psr_slices(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')}, day_from = {day_from:DateTime('UTC')},
                day_to = {day_to:DateTime('UTC')},
                month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                hour_from = {hour_from:DateTime('UTC')},
                hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}, as_of = {as_of:Date}, today = {today:Date},
                codes = {codes:Array(String)}, rates = {rates:Array(Float64)}, saturation = {saturation:Float64},
                horizon_days = {horizon_days:Int32}, multiplier = {multiplier:Float64})
WHERE badness > 1
  AND ({segment:String} = '' OR lowerUTF8(segment) = lowerUTF8({segment:String}))
  AND ({region:String} = '' OR lowerUTF8(region) = lowerUTF8({region:String}))
  AND ({plan:String} = '' OR lowerUTF8(plan) = lowerUTF8({plan:String}))
  AND ({service:String} = '' OR lowerUTF8(service) = lowerUTF8({service:String}))
  AND ({volume_band:String} = '' OR volume_band = {volume_band:String})
  AND ({renewal_within_days:Int32} = 0
       OR (renewal_date >= {today:Date} AND renewal_date <= {today:Date} + {renewal_within_days:Int32}))
ORDER BY roi DESC, badness DESC, service, customer
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
