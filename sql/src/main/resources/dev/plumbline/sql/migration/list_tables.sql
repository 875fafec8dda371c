-- The tables and views of a database, with their engines: what a sharded store's local database holds and what its
-- application database holds over it (DistributedTables).
SELECT name, engine, engine_full
FROM system.tables
WHERE database = {database:String}
ORDER BY name
