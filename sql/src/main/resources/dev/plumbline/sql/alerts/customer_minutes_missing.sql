-- How many minutes with data of one customer (or of the customers of a segment as of as_of) on a service, in the
-- hours [from, to) touches, the hourly roll-up counted but the raw minutes no longer hold (written as hours only, or
-- past the raw TTL): per customer, source and hour, the roll-up's minutes less the raw rows.
-- The segment's customers are one array, computed once where the query runs: a sharded store (README, "Clusters")
-- cannot send a subquery over a parameterized view to its shards (ClickHouse 26.7 loses the view's parameters).
WITH {from:DateTime('UTC')} AS range_from,
     {to:DateTime('UTC')}   AS range_to,
     toStartOfHour(range_from)                AS first_hour,
     addHours(toStartOfHour(range_to - 1), 1) AS end_hour,
     {service:String}       AS the_service,
     {customer:String}      AS the_customer,
     {segment:String}       AS the_segment,
     (SELECT groupArray(id) FROM customers_as_of(as_of = {as_of:Date}) WHERE segment = the_segment) AS segment_customers
SELECT sum(greatest(0, toInt64(h.minutes) - toInt64(m.rows))) AS minutes
FROM (
    SELECT customer, source, hour, sum(minutes) AS minutes
    FROM telemetry_hour FINAL
    WHERE service = the_service AND hour >= first_hour AND hour < end_hour
      AND (customer = the_customer
           OR (the_segment != '' AND has(segment_customers, customer)))
    GROUP BY customer, source, hour) AS h
LEFT JOIN (
    SELECT customer, source, toStartOfHour(minute) AS hour, count() AS rows
    FROM telemetry_minute FINAL
    WHERE service = the_service AND minute >= first_hour AND minute < end_hour
      AND (customer = the_customer
           OR (the_segment != '' AND has(segment_customers, customer)))
    GROUP BY customer, source, hour) AS m ON m.customer = h.customer AND m.source = h.source AND m.hour = h.hour
