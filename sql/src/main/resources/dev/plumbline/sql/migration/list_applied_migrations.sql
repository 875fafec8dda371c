-- Migrations whose latest recorded direction is 'up'.
SELECT version,
       argMax(name, applied_at)     AS last_name,
       argMax(checksum, applied_at) AS last_checksum,
       max(applied_at)              AS last_applied_at
FROM schema_migrations
GROUP BY version
HAVING argMax(direction, applied_at) = 'up'
ORDER BY version
