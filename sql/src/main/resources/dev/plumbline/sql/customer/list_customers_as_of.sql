-- Each customer's latest row in effect on a date, by id. params: as_of (date), limit, offset
SELECT id,
       argMax(name, effective_from)           AS name,
       argMax(segment, effective_from)        AS segment,
       argMax(region, effective_from)         AS region,
       argMax(plan, effective_from)           AS plan,
       argMax(arr, effective_from)            AS arr,
       argMax(currency, effective_from)       AS currency,
       argMax(seats, effective_from)          AS seats,
       argMax(active_users, effective_from)   AS active_users,
       argMax(tuple(renewal_date), effective_from).1 AS renewal_date, -- tuple: keep a NULL that replaced a date
       argMax(data_volume_gb, effective_from) AS data_volume_gb,
       max(effective_from)                    AS effective_from
FROM customers FINAL
WHERE effective_from <= ?
GROUP BY id
ORDER BY id
LIMIT ? OFFSET ?
