package dev.plumbline.sql.migration;

import java.util.Map;
import java.util.Optional;

/**
 * How each table of a sharded store is split over its shards: the column whose {@code cityHash64} picks a row's
 * shard (the {@code Distributed} table's sharding key). The one place of this rule (README, "Clusters"):
 * <ul>
 *   <li>telemetry, by <b>customer</b>: a slice (customer x service) stays on one shard, and so does a customer's whole
 *   traffic, in every grain (minutes, hours, days, months, pushed series); {@code customers} by its id, the
 *   customer;</li>
 *   <li>every other table by the first column of its sorting key: what a row is about (a service, a source, an id, a
 *   user).</li>
 * </ul>
 * Either way the column is part of the table's sorting key, so all versions of a row (same sorting key) land on one
 * shard: {@code FINAL} and {@code ReplacingMergeTree} merges there see them all, and {@code argMax} or
 * {@code LIMIT 1 BY} over an entity's versions read one shard's rows ({@code ShardingKeysTest} checks both against
 * the migrated schema). A table's key must not change once it holds rows: its rows would sit on the wrong shards.
 */
public final class ShardingKeys {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            // by customer
            Map.entry("telemetry_minute", "customer"),
            Map.entry("telemetry_hour", "customer"),
            Map.entry("telemetry_day", "customer"),
            Map.entry("telemetry_month", "customer"),
            Map.entry("pushed_series_minute", "customer"),
            Map.entry("customers", "id"),
            // by the first column of the sorting key
            Map.entry("service_hour", "service"),
            Map.entry("service_minute", "service"),
            Map.entry("collection_coverage", "source"),
            Map.entry("collector_watermarks", "source"),
            Map.entry("services", "name"),
            Map.entry("objectives", "service"),
            Map.entry("annotations", "starts_at"),
            Map.entry("alert_policies", "service"),
            Map.entry("users", "username"),
            Map.entry("api_tokens", "id"),
            Map.entry("import_mappings", "kind"),
            Map.entry("saved_views", "id"),
            Map.entry("notification_outbox", "id"),
            Map.entry("tracked_fixes", "id"),
            Map.entry("triggers", "id"),
            Map.entry("trigger_state", "trigger_id"),
            Map.entry("digest_subscriptions", "id"),
            Map.entry("digest_subscription_runs", "subscription_id"));

    private ShardingKeys() {
    }

    /** The column {@code table} is sharded by, if it has one here. */
    public static Optional<String> column(String table) {
        return Optional.ofNullable(COLUMNS.get(table));
    }

    /** The {@code Distributed} sharding key of {@code table}; an error naming this class when it has none. */
    public static String expression(String table) {
        return "cityHash64(" + column(table).orElseThrow(() -> new IllegalStateException("table " + table
                + " has no sharding key: add it to " + ShardingKeys.class.getName() + " (README, \"Clusters\")")) + ")";
    }

    /** Every table with a key. */
    public static java.util.Set<String> tables() {
        return COLUMNS.keySet();
    }
}
