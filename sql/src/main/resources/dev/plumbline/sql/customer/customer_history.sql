-- One customer's rows, oldest first.
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM customers FINAL
WHERE id = {id:String}
ORDER BY effective_from
