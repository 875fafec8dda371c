-- The customers of a backtest's slice that sent a service any traffic (in its hourly roll-up): the one customer, or
-- the customers of a segment as of as_of. Empty when the slice names nobody who used the service.
SELECT DISTINCT customer
FROM telemetry_hour
WHERE service = {service:String}
  AND (customer = {customer:String}
       OR ({segment:String} != '' AND customer IN (SELECT id FROM customers_as_of(as_of = {as_of:Date})
                                                   WHERE segment = {segment:String})))
ORDER BY customer
