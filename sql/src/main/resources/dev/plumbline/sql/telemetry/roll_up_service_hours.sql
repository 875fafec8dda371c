-- Recomputes the per-service hourly requests of the hours in [from, to) from the hourly roll-up (replacing what
-- was there).
INSERT INTO service_hour (service, source, hour, requests, computed_at)
SELECT service, source, hour, sum(requests), {computed_at:DateTime64(3, 'UTC')}
FROM telemetry_hour FINAL
WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
GROUP BY service, source, hour
