-- The version of the data, as ../data_version.sql gives it on one node, for a sharded store (README, "Clusters"): the
-- same tables' highest block numbers per partition and their mutations, read on every shard of the cluster from its
-- local database (where the parts are: the Distributed tables the queries read have none), each shard's apart.
-- Only runs on a sharded store (ShardedStoreTest runs it).
SELECT toString(cityHash64(
           (SELECT groupArray((shard, table, partition_id, blocks))
            FROM (SELECT _shard_num AS shard, table, partition_id, max(max_block_number) AS blocks
                  FROM clusterAllReplicas({cluster:String}, system.parts)
                  WHERE database = {local_database:String} AND active
                    AND ((table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month',
                                    'service_hour', 'service_minute', 'collection_coverage')
                          AND partition_id >= {from_month:String} AND partition_id <= {to_month:String})
                         OR table IN ('customers', 'services', 'objectives'))
                  GROUP BY shard, table, partition_id
                  ORDER BY shard, table, partition_id)),
           (SELECT count()
            FROM clusterAllReplicas({cluster:String}, system.mutations)
            WHERE database = {local_database:String}
              AND table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month', 'service_hour',
                            'service_minute', 'collection_coverage', 'customers', 'services', 'objectives')))) AS version
