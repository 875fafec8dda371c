-- Customers in effect on a date whose name or id contains the text (any case): ids that start with it first, then
-- names that do, then the rest, alphabetically. params: as_of, text, text, text, text, limit
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known, effective_from
FROM (
    SELECT *
    FROM customers FINAL
    WHERE effective_from <= ?
    ORDER BY id, effective_from DESC
    LIMIT 1 BY id)
WHERE positionCaseInsensitiveUTF8(name, ?) > 0 OR positionCaseInsensitiveUTF8(id, ?) > 0
ORDER BY NOT startsWith(lower(id), lower(?)), NOT startsWith(lower(name), lower(?)), name, id
LIMIT ?
