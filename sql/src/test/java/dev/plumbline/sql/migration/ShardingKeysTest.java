package dev.plumbline.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every table of the schema has a sharding key, and it keeps each row's versions on one shard. */
@ExtendWith(ClickHouseExtension.class)
class ShardingKeysTest {

    private static final NamedQuery SORTING_KEYS = new NamedQuery("sorting_keys", "SELECT name, sorting_key "
            + "FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree'");
    /** Per migrated table: its sorting key's columns. */
    private static Map<String, List<String>> tables;

    @BeforeAll
    static void migrate(TestDatabase db) {
        db.migrate();
        tables = new TreeMap<>();
        for (String[] t : db.clickHouse().query(SORTING_KEYS,
                r -> new String[] {r.getString("name"), r.getString("sorting_key")})) {
            tables.put(t[0], Arrays.asList(t[1].split(",\\s*")));
        }
        DistributedTables.BOOKKEEPING.forEach(tables::remove);
    }

    @Test
    void every_table_the_migrations_create_has_a_key_and_no_key_names_a_table_they_do_not_create() {
        assertThat(tables).hasSizeGreaterThanOrEqualTo(24);
        assertThat(ShardingKeys.tables()).containsExactlyInAnyOrderElementsOf(tables.keySet());
    }

    @Test
    void every_key_is_a_column_of_its_tables_sorting_key_so_the_versions_of_a_row_share_a_shard() {
        tables.forEach((table, keys) -> assertThat(keys).as(table)
                .contains(ShardingKeys.column(table).orElseThrow()));
    }

    @Test
    void every_table_with_a_customer_in_its_sorting_key_is_sharded_by_customer_so_a_slice_stays_on_one_shard() {
        List<String> byCustomer = tables.entrySet().stream().filter(e -> e.getValue().contains("customer"))
                .map(Map.Entry::getKey).toList();

        assertThat(byCustomer).contains("telemetry_minute", "telemetry_hour", "telemetry_day", "telemetry_month",
                "pushed_series_minute");
        assertThat(byCustomer).allSatisfy(t -> assertThat(ShardingKeys.column(t)).as(t).contains("customer"));
        assertThat(ShardingKeys.column("customers")).contains("id");
    }

    @Test
    void a_table_without_a_key_is_refused_with_the_place_to_add_one() {
        assertThatThrownBy(() -> ShardingKeys.expression("new_table"))
                .hasMessage("table new_table has no sharding key: add it to dev.plumbline.sql.migration.ShardingKeys "
                        + "(README, \"Clusters\")");
        assertThat(ShardingKeys.expression("telemetry_hour")).isEqualTo("cityHash64(customer)");
    }
}
