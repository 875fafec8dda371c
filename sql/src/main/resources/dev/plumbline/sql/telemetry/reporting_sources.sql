-- The sources that reported a service in [since, until), the latest first, each with its latest hour and the
-- histogram bucket bounds (seconds, the last +Inf) of its latest hour that had one layout (empty: no histogram).
SELECT source,
       max(hour)                                    AS last_hour,
       argMaxIf(latency_le, hour, layouts = 1)      AS latency_le
FROM telemetry_hour
WHERE service = {service:String} AND hour >= {since:DateTime('UTC')} AND hour < {until:DateTime('UTC')}
GROUP BY source
ORDER BY last_hour DESC, source
