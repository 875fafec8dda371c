-- Recomputes the per-service hours in [from, to) (replacing what was there): requests from the hourly roll-up, and
-- the busiest minute's requests from the raw minutes (NULL where the hour has no minutes: written as an hour).
INSERT INTO service_hour (service, source, hour, requests, peak_minute_requests, computed_at)
SELECT h.service, h.source, h.hour, h.requests, m.peak, {computed_at:DateTime64(3, 'UTC')}
FROM (
    SELECT service, source, hour, sum(requests) AS requests
    FROM telemetry_hour FINAL
    WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
    GROUP BY service, source, hour) AS h
LEFT JOIN (
    SELECT service, source, toStartOfHour(minute) AS hour, max(minute_requests) AS peak
    FROM (
        SELECT service, source, minute, sum(requests) AS minute_requests
        FROM telemetry_minute FINAL
        WHERE minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
        GROUP BY service, source, minute)
    GROUP BY service, source, hour) AS m ON m.service = h.service AND m.source = h.source AND m.hour = h.hour
SETTINGS join_use_nulls = 1
