-- The checksum of each view's text as last created, for the views that exist in this database now.
SELECT h.name AS name, h.checksum AS checksum
FROM (
    SELECT name, argMax(checksum, applied_at) AS checksum
    FROM schema_views
    GROUP BY name) AS h
WHERE h.name IN (SELECT name FROM system.tables WHERE database = currentDatabase() AND engine = 'View')
ORDER BY name
