-- Per service, the busiest hour of [from, to) in requests per second (all sources, all customers).
SELECT service, max(hour_requests) / 3600 AS peak_rps
FROM (
    SELECT service, hour, sum(requests) AS hour_requests
    FROM service_hour FINAL
    WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
    GROUP BY service, hour)
GROUP BY service
ORDER BY service
