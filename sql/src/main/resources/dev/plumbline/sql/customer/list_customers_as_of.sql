-- Each customer's latest row in effect on a date, by id. params: as_of (date), limit, offset
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM customers FINAL
WHERE effective_from <= ?
ORDER BY id, effective_from DESC
LIMIT 1 BY id
LIMIT ? OFFSET ?
