-- The version of the data that figures of the months [from_month, to_month] read ('YYYYMM', the telemetry tables'
-- partition ids; '000000' to '999999' for every month): per telemetry table (every grain, the per-service tables,
-- coverage), its highest block number over the active parts of those months' partitions; per business table
-- (customers, the catalog), the same over all its parts; and the count of mutations of all of them. Every insert
-- takes a new block number and every ALTER UPDATE or DELETE is a mutation, so a collection, a roll-up or an import
-- into those months changes this, and one into another month does not (a part never holds two months). A merge does
-- not change it (a merged part keeps its parts' highest block number). A partition with no part left (dropped,
-- emptied) leaves the list, which changes it too.
SELECT toString(cityHash64(
           (SELECT groupArray((table, partition_id, blocks))
            FROM (SELECT table, partition_id, max(max_block_number) AS blocks
                  FROM system.parts
                  WHERE database = currentDatabase() AND active
                    AND ((table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month',
                                    'service_hour', 'service_minute', 'collection_coverage')
                          AND partition_id >= {from_month:String} AND partition_id <= {to_month:String})
                         OR table IN ('customers', 'services', 'objectives'))
                  GROUP BY table, partition_id
                  ORDER BY table, partition_id)),
           (SELECT count()
            FROM system.mutations
            WHERE database = currentDatabase()
              AND table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month', 'service_hour',
                            'service_minute', 'collection_coverage', 'customers', 'services', 'objectives')))) AS version
