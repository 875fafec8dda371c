-- Which sources reported which services in [from, to) (to know whose coverage applies to a service).
-- params: from, to
SELECT DISTINCT service, source
FROM service_hour
WHERE hour >= ? AND hour < ?
ORDER BY service, source
