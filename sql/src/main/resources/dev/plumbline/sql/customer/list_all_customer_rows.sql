-- Every customer row of every effective date (the whole history), by id and date.
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM customers FINAL
ORDER BY id, effective_from
