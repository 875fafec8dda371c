-- The customers of a backtest's slice that sent a service any traffic (in its hourly roll-up): the one customer, or
-- the customers of a segment as of as_of. Empty when the slice names nobody who used the service.
-- The segment's customers are one array, computed once where the query runs: a sharded store (README, "Clusters")
-- cannot send a subquery over a parameterized view to its shards (ClickHouse 26.7 loses the view's parameters).
WITH (SELECT groupArray(id) FROM customers_as_of(as_of = {as_of:Date}) WHERE segment = {segment:String})
         AS segment_customers
SELECT DISTINCT customer
FROM telemetry_hour
WHERE service = {service:String}
  AND (customer = {customer:String}
       OR ({segment:String} != '' AND has(segment_customers, customer)))
ORDER BY customer
