-- The columns of every table of a database, in order, with their defaults: a Distributed table must have its local
-- table's (DistributedTables).
SELECT table, name, type, default_kind, default_expression
FROM system.columns
WHERE database = {database:String}
ORDER BY table, position
