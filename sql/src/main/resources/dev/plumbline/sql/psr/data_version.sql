-- The version of the data the figures read: per table (telemetry at every grain, the per-service tables, coverage,
-- customers, the catalog), its highest block number and data version over its active parts. Every insert takes a new
-- block number and every mutation a new data version, so a collection, a roll-up or an import changes this; a merge
-- does not. A table with no part (dropped, emptied) leaves the list, which changes it too.
SELECT toString(cityHash64(groupArray((table, blocks, mutations)))) AS version
FROM (
    SELECT table, max(max_block_number) AS blocks, max(data_version) AS mutations
    FROM system.parts
    WHERE database = currentDatabase() AND active
      AND table IN ('telemetry_minute', 'telemetry_hour', 'telemetry_day', 'telemetry_month', 'service_hour',
                    'service_minute', 'collection_coverage', 'customers', 'services', 'objectives')
    GROUP BY table
    ORDER BY table)
