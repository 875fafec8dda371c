-- Requests and errors per slice (service x customer) over a half-open time range, all sources together.
SELECT service,
       customer,
       sum(requests)        AS requests,
       sum(errors)          AS errors,
       uniqExact(minute)    AS minutes
FROM telemetry_minute FINAL
WHERE minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
GROUP BY service, customer
ORDER BY service, customer
