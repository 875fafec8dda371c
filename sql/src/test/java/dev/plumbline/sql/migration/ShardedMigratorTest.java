package dev.plumbline.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.Sharding;
import dev.plumbline.sql.testing.ShardedDatabase;
import dev.plumbline.sql.testing.TestCluster;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sharded layout on a real two-shard cluster (two chDB servers: {@code TestCluster}). */
class ShardedMigratorTest {

    private static final NamedQuery ENGINES = new NamedQuery("engines",
            "SELECT name, engine_full FROM system.tables WHERE database = {database:String} ORDER BY name");
    private static ShardedDatabase db;
    private static List<String> applied;

    @BeforeAll
    static void migrate() {
        db = ShardedDatabase.create("shardedmigratortest");
        applied = new ShardedMigrator(db.spec(), db.sharding(), TestDatabase.SCHEMA, QueryListener.NONE).migrate();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void every_shard_holds_the_tables_in_its_local_database_and_a_distributed_table_over_each_with_its_key() {
        assertThat(applied).isEqualTo(Migrations.all().stream().map(Migration::id).toList());
        assertThat(db.sharding().shardUrls()).hasSize(2);
        for (ClickHouse shard : db.shards()) {
            try (shard) {
                Map<String, String> local = engines(shard, db.localName());
                Map<String, String> app = engines(shard, db.name());

                assertThat(local.keySet()).containsAll(ShardingKeys.tables()).containsAll(DistributedTables.BOOKKEEPING);
                assertThat(local).allSatisfy((table, engine) -> assertThat(engine).as(table)
                        .matches("(Replacing)?MergeTree.*|View"));
                for (String table : ShardingKeys.tables()) {
                    assertThat(app.get(table)).as(table).isEqualTo("Distributed('" + db.sharding().cluster() + "', '"
                            + db.localName() + "', '" + table + "', " + ShardingKeys.expression(table) + ")");
                }
                // the views over the Distributed tables, and this node's record of them; nothing else
                assertThat(app.keySet()).containsExactlyInAnyOrderElementsOf(union(ShardingKeys.tables(),
                        List.of("customers_as_of", "psr_slices", "slice_totals", "schema_views")));
                assertThat(app.get("psr_slices")).isEqualTo("View");
            }
        }
    }

    @Test
    void a_second_run_applies_nothing_and_creates_no_table_again() {
        assertThat(new ShardedMigrator(db.spec(), db.sharding(), TestDatabase.SCHEMA, QueryListener.NONE).migrate())
                .isEmpty();
        for (ClickHouse shard : db.shards()) {
            try (shard) {
                assertThat(DistributedTables.sync(shard, db.localName(), db.sharding().cluster())).isEmpty();
            }
        }
    }

    @Test
    void a_distributed_table_is_created_again_when_a_migration_alters_its_local_table() {
        for (ClickHouse local : db.locals()) {
            try (local) {
                local.executeScript("alter", "ALTER TABLE import_mappings ADD COLUMN IF NOT EXISTS note String DEFAULT 'x'");
            }
        }
        for (ClickHouse shard : db.shards()) {
            try (shard) {
                assertThat(DistributedTables.sync(shard, db.localName(), db.sharding().cluster()))
                        .containsExactly("import_mappings");
            }
        }
        assertThat(db.clickHouse().query(new NamedQuery("note", "SELECT count() AS n FROM import_mappings WHERE note = ''"),
                r -> r.getLong("n"))).containsExactly(0L);
        for (ClickHouse local : db.locals()) {
            try (local) {
                local.executeScript("alter", "ALTER TABLE import_mappings DROP COLUMN note");
            }
        }
        for (ClickHouse shard : db.shards()) {
            try (shard) {
                assertThat(DistributedTables.sync(shard, db.localName(), db.sharding().cluster()))
                        .containsExactly("import_mappings");
            }
        }
    }

    @Test
    void a_cluster_the_servers_do_not_know_is_refused_before_anything_is_created() {
        Sharding unknown = Sharding.of("no_such_cluster", db.sharding().shardUrls());

        assertThatThrownBy(() -> new ShardedMigrator(db.spec().withDatabase("test_never_created"), unknown,
                TestDatabase.SCHEMA, QueryListener.NONE).migrate())
                .hasMessage("sharded store: the server at " + db.sharding().shardUrls().getFirst()
                        + " has no cluster 'no_such_cluster' in its remote_servers configuration");
        try (ClickHouse shard = db.shards().getFirst()) {
            assertThat(shard.query(new NamedQuery("dbs", "SELECT name FROM system.databases WHERE name LIKE 'test_never%'"),
                    r -> r.getString("name"))).isEmpty();
        }
    }

    @Test
    void a_shard_left_out_of_the_urls_is_refused() {
        Sharding half = Sharding.of(db.sharding().cluster(), List.of(db.sharding().shardUrls().getFirst()));

        assertThatThrownBy(() -> new ShardedMigrator(db.spec(), half, TestDatabase.SCHEMA, QueryListener.NONE).migrate())
                .hasMessage("sharded store: the server at " + db.sharding().shardUrls().getFirst() + " lists 2 shard(s)"
                        + " in cluster '" + db.sharding().cluster() + "', but 1 shard URL(s) are configured: "
                        + half.shardUrls());
    }

    @Test
    void a_shard_with_replicas_is_refused() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestCluster.shared().origin().startsWith("bin/clickhouse"),
                "only the local servers' configuration has the cluster " + TestCluster.REPLICAS);
        Sharding replicas = Sharding.of(TestCluster.REPLICAS, List.of(db.sharding().shardUrls().getFirst()));

        assertThatThrownBy(() -> new ShardedMigrator(db.spec(), replicas, TestDatabase.SCHEMA, QueryListener.NONE)
                .migrate()).hasMessage("sharded store: the server at " + db.sharding().shardUrls().getFirst()
                + ": shard 1 of cluster '" + TestCluster.REPLICAS + "' has 2 replicas; a sharded store runs one server "
                + "per shard (replicas need replicated tables and ON CLUSTER DDL: README, \"Clusters\")");
    }

    @Test
    void a_database_that_holds_tables_of_its_own_does_not_become_a_sharded_stores() {
        try (ShardedDatabase other = ShardedDatabase.create("shardedmigratortest_own")) {
            for (ClickHouse shard : other.shards()) {
                try (shard) {
                    ClickHouse.createDatabase(shard.spec(), "");
                    shard.executeScript("own", "CREATE TABLE users (username String) ENGINE = MergeTree ORDER BY username");
                }
            }

            assertThatThrownBy(other::migrate).hasMessage(other.name() + ".users is a MergeTree table, not a Distributed "
                    + "one: a database that holds rows cannot become a sharded store's in place (README, \"Clusters\")");
        }
    }

    @Test
    void on_cluster_ddl_is_not_the_sharded_layout() {
        assertThatThrownBy(() -> new ShardedMigrator(db.spec(), db.sharding(), new SchemaOptions("prod", 35),
                QueryListener.NONE)).hasMessage("a sharded store runs its DDL on each shard, not ON CLUSTER prod with "
                + "replicated tables (README, \"Clusters\")");
    }

    private static Map<String, String> engines(ClickHouse node, String database) {
        Map<String, String> out = new TreeMap<>();
        for (String[] t : node.query(ENGINES, Params.of("database", database),
                r -> new String[] {r.getString("name"), r.getString("engine_full")})) {
            out.put(t[0], t[1].isEmpty() ? "View" : t[1]);
        }
        return out;
    }

    private static List<String> union(java.util.Collection<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
