-- One service's requests per day and customer segment in [from_day, to_day) (the ocean chart); customers as of the
-- last day; customers not on record count as segment "unknown".
WITH c AS (SELECT id, segment FROM customers_as_of(as_of = {as_of:Date}))
SELECT t.day AS day, if(c.id = '', 'unknown', c.segment) AS customer_segment, sum(t.requests) AS requests
FROM telemetry_day AS t FINAL
LEFT JOIN c ON c.id = t.customer
WHERE t.service = {service:String} AND t.day >= {from_day:Date} AND t.day < {to_day:Date}
GROUP BY day, customer_segment
ORDER BY day, customer_segment
