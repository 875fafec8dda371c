-- Recomputes the per-service hourly requests of the hours in [from, to) from the hourly roll-up (replacing what
-- was there).
-- params: computed_at, from, to
INSERT INTO service_hour (service, source, hour, requests, computed_at)
SELECT service, source, hour, sum(requests), ?
FROM telemetry_hour FINAL
WHERE hour >= ? AND hour < ?
GROUP BY service, source, hour
