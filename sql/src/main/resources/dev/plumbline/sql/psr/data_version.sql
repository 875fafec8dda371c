-- The version of the data the figures read: per table (telemetry at every grain, the per-service tables, coverage,
-- customers, the catalog), its highest block number over its active parts, and the mutations of those tables. Every
-- insert takes a new block number and every ALTER UPDATE or DELETE is a mutation, so a collection, a roll-up or an
-- import changes this; a merge does not (a merged part keeps its parts' highest block number; its data_version, the
-- lowest, would change). A table with no part (dropped, emptied) leaves the list, which changes it too.
SELECT toString(cityHash64(
           (SELECT groupArray((table, blocks))
            FROM (SELECT table, max(max_block_number) AS blocks
                  FROM system.parts
                  WHERE database = currentDatabase() AND active
                    AND table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month',
                                  'service_hour', 'service_minute', 'collection_coverage', 'customers', 'services',
                                  'objectives')
                  GROUP BY table
                  ORDER BY table)),
           (SELECT count()
            FROM system.mutations
            WHERE database = currentDatabase()
              AND table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month', 'service_hour',
                            'service_minute', 'collection_coverage', 'customers', 'services', 'objectives')))) AS version
