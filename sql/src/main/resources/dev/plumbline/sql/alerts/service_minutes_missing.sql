-- The hours of [from, to) in which a service had requests (the per-service hourly roll-up) but no per-service minute
-- is kept: history written as hours only (demo history, backfills older than the raw TTL, sources that deliver
-- hours), or older than the per-service minutes' TTL. A backtest reads no minute of these hours.
WITH {from:DateTime('UTC')} AS range_from,
     {to:DateTime('UTC')}   AS range_to,
     toStartOfHour(range_from)                AS first_hour,
     addHours(toStartOfHour(range_to - 1), 1) AS end_hour,
     {service:String}       AS the_service
SELECT count() AS hours
FROM (
    SELECT hour
    FROM service_hour FINAL
    WHERE service = the_service AND hour >= first_hour AND hour < end_hour
    GROUP BY hour
    HAVING sum(requests) > 0) AS h
LEFT ANTI JOIN (
    SELECT DISTINCT toStartOfHour(minute) AS hour
    FROM service_minute
    WHERE service = the_service AND minute >= first_hour AND minute < end_hour) AS m ON m.hour = h.hour
