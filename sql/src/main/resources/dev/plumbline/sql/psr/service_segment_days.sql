-- One service's requests per day and customer segment in [from_day, to_day) (the ocean chart); customers as of the
-- last day; customers not on record count as segment "unknown".
-- params: as_of, service, from_day, to_day
WITH c AS (
    SELECT id, segment
    FROM customers FINAL
    WHERE effective_from <= ?
    ORDER BY id, effective_from DESC
    LIMIT 1 BY id)
SELECT t.day AS day, if(c.id = '', 'unknown', c.segment) AS customer_segment, sum(t.requests) AS requests
FROM telemetry_day AS t FINAL
LEFT JOIN c ON c.id = t.customer
WHERE t.service = ? AND t.day >= ? AND t.day < ?
GROUP BY day, customer_segment
ORDER BY day, customer_segment
