-- A cluster's shards as this server's remote_servers configuration lists them: how many replicas each has, and
-- whether this server is one of them (ShardedMigrator checks the configured shard URLs against it).
SELECT shard_num, count() AS replicas, max(is_local) AS here
FROM system.clusters
WHERE cluster = {cluster:String}
GROUP BY shard_num
ORDER BY shard_num
