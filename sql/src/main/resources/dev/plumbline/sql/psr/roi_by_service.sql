-- The ROI ranking by service: revenue at risk summed over the service's customers, divided by its effort.
-- params: from, to, as_of, today, codes, rates, saturation, horizon_days, multiplier, limit, offset
SELECT service,
       countIf(badness > 1)                        AS customers_affected,
       sum(revenue_at_risk)                        AS service_revenue_at_risk,
       any(effort_weeks)                           AS service_effort_weeks,
       service_revenue_at_risk / service_effort_weeks AS service_roi,
       max(badness)                                AS worst_badness,
       sum(requests)                               AS service_requests,
       count() OVER ()                             AS total_rows,
       max(service_roi) OVER ()                    AS top_roi
FROM psr_slices(from = ?, to = ?, as_of = ?, today = ?, codes = ?, rates = ?, saturation = ?, horizon_days = ?, multiplier = ?)
WHERE has_objective
GROUP BY service
ORDER BY service_roi DESC, worst_badness DESC, service
LIMIT ? OFFSET ?
