-- One service's requests per day and customer segment in [from_day, to_day) (the ocean chart); customers as of the
-- last day; customers not on record count as segment "unknown". The days are summed per customer first, in a
-- subquery, and joined with the customers after: a sharded store (README, "Clusters") cannot send a join of its
-- telemetry with a parameterized view to the shards (ClickHouse 26.7 loses the view's parameters on the way).
WITH c AS (SELECT id, segment FROM customers_as_of(as_of = {as_of:Date})),
     t AS (SELECT day, customer, sum(requests) AS requests
           FROM telemetry_day FINAL
           WHERE service = {service:String} AND day >= {from_day:Date} AND day < {to_day:Date}
           GROUP BY day, customer)
SELECT t.day AS day, if(c.id = '', 'unknown', c.segment) AS customer_segment, sum(t.requests) AS requests
FROM t
LEFT JOIN c ON c.id = t.customer
GROUP BY day, customer_segment
ORDER BY day, customer_segment
