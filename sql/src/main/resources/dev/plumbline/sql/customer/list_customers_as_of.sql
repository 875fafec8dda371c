-- Each customer's latest row in effect on a date, by id.
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM customers_as_of(as_of = {as_of:Date})
ORDER BY id
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
