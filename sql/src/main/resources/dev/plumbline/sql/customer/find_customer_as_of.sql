-- The customer with exactly this id as it was on a date: its row in effect then (customers_as_of), if any.
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM customers_as_of(as_of = {as_of:Date})
WHERE id = {id:String}
