-- The ROI ranking of slices (service x customer) whose badness is above 1, best return first, one page.
-- total_rows and top_roi describe the whole filtered ranking. Figures: see the psr_slices view (0009_psr_views).
-- params: from, to, as_of, today, codes, rates, saturation, horizon_days, multiplier,
--         segment, segment, region, region, plan, plan, service, service, volume_band, volume_band,
--         renewal_within_days, today, today, renewal_within_days, limit, offset
SELECT *,
       count() OVER ()  AS total_rows,
       max(roi) OVER () AS top_roi
FROM psr_slices(from = ?, to = ?, as_of = ?, today = ?, codes = ?, rates = ?, saturation = ?, horizon_days = ?, multiplier = ?)
WHERE badness > 1
  AND (? = '' OR segment = ?)
  AND (? = '' OR region = ?)
  AND (? = '' OR plan = ?)
  AND (? = '' OR service = ?)
  AND (? = '' OR volume_band = ?)
  AND (? = 0 OR (renewal_date >= toDate(?) AND renewal_date <= toDate(?) + ?))
ORDER BY roi DESC, badness DESC, service, customer
LIMIT ? OFFSET ?
