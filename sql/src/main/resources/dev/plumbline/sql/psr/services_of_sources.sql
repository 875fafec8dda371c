-- Which sources reported which services in [from, to) (to know whose coverage applies to a service).
SELECT DISTINCT service, source
FROM service_hour
WHERE hour >= toStartOfHour({from:DateTime('UTC')}) AND hour < {to:DateTime('UTC')}
ORDER BY service, source
