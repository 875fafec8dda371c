-- Customers in effect on a date whose name or id contains the text (any case): ids that start with it first, then
-- names that do, then the rest, alphabetically.
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM customers_as_of(as_of = {as_of:Date})
WHERE positionCaseInsensitiveUTF8(name, {text:String}) > 0 OR positionCaseInsensitiveUTF8(id, {text:String}) > 0
ORDER BY NOT startsWith(lower(id), lower({text:String})), NOT startsWith(lower(name), lower({text:String})), name, id
LIMIT {limit:UInt32}
