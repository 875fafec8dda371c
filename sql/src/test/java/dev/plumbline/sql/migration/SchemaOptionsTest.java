package dev.plumbline.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaOptionsTest {

    private static final String TABLE = "CREATE TABLE t {{ON_CLUSTER}} (x UInt8) ENGINE = {{REPLICATED}}MergeTree "
            + "ORDER BY x TTL now() + INTERVAL {{RAW_TTL_DAYS}} DAY";

    @Test
    void a_single_node_gets_plain_engines_and_no_cluster_clause() {
        assertThat(new SchemaOptions("", 7).render("t.sql", TABLE))
                .isEqualTo("CREATE TABLE t  (x UInt8) ENGINE = MergeTree ORDER BY x TTL now() + INTERVAL 7 DAY");
    }

    @Test
    void a_cluster_gets_replicated_engines_and_on_cluster() {
        assertThat(new SchemaOptions("main", 35).render("t.sql", TABLE)).isEqualTo(
                "CREATE TABLE t ON CLUSTER main (x UInt8) ENGINE = ReplicatedMergeTree ORDER BY x TTL now() + INTERVAL 35 DAY");
    }

    @Test
    void an_unknown_placeholder_names_the_file_and_the_placeholder() {
        assertThatThrownBy(() -> SchemaOptions.SINGLE_NODE.render("0009_x.up.sql", "SELECT {{SHARD}}"))
                .hasMessage("0009_x.up.sql: unknown placeholder {{SHARD}}; known: ON_CLUSTER, RAW_TTL_DAYS, REPLICATED, SERVICE_MINUTE_TTL_DAYS");
    }

    @Test
    void a_malformed_placeholder_is_an_error() {
        assertThatThrownBy(() -> SchemaOptions.SINGLE_NODE.render("x.sql", "SELECT {{on_cluster}}"))
                .hasMessageStartingWith("x.sql: malformed placeholder near '{{on_cluster}}");
    }

    @Test
    void a_cluster_name_must_be_an_identifier() {
        assertThatThrownBy(() -> new SchemaOptions("main; DROP TABLE x", 35))
                .hasMessageStartingWith("cluster 'main; DROP TABLE x' is not a valid name");
    }

    @Test
    void the_raw_ttl_is_at_least_a_day() {
        assertThatThrownBy(() -> new SchemaOptions("", 0))
                .hasMessage("raw telemetry TTL must be at least 1 day, was 0");
    }

    @Test
    void the_per_service_minutes_ttl_is_its_own_placeholder_and_at_least_a_day() {
        assertThat(new SchemaOptions("", 35, 400).render("t.sql", "TTL minute + INTERVAL {{SERVICE_MINUTE_TTL_DAYS}} DAY"))
                .isEqualTo("TTL minute + INTERVAL 400 DAY");
        assertThat(new SchemaOptions("", 35).serviceMinuteTtlDays()).isEqualTo(SchemaOptions.DEFAULT_SERVICE_MINUTE_TTL_DAYS);
        assertThatThrownBy(() -> new SchemaOptions("", 35, 0))
                .hasMessage("per-service minutes TTL must be at least 1 day, was 0");
    }

    @Test
    void every_shipped_migration_renders_for_a_cluster_with_every_table_replicated() {
        SchemaOptions cluster = new SchemaOptions("main", 35);
        for (Migration m : Migrations.all()) {
            for (String statement : SqlScript.statements(cluster.render(m.id(), m.up()))) {
                assertThat(statement).as(m.id()).contains("ON CLUSTER main");
                if (statement.startsWith("CREATE TABLE")) {
                    assertThat(statement).as(m.id()).containsPattern("ENGINE = Replicated\\w*MergeTree");
                }
            }
            for (String statement : SqlScript.statements(cluster.render(m.id(), m.down()))) {
                assertThat(statement).as(m.id() + " down").contains("ON CLUSTER main");
            }
        }
    }

    /**
     * The replicated layout (one shard, its replicas) is rendered here, not run: chDB has no interserver port, so
     * ON CLUSTER DDL and Replicated tables do not run on it (README, "Clusters"). The views and the history tables
     * render ON CLUSTER too, the history tables replicated.
     */
    @Test
    void every_view_and_both_history_tables_render_for_a_cluster() {
        SchemaOptions cluster = new SchemaOptions("main", 35);
        for (Views.View v : Views.all()) {
            assertThat(cluster.render(v.file(), v.sql())).as(v.name())
                    .contains("CREATE OR REPLACE VIEW " + v.name() + " ON CLUSTER main AS");
        }
        for (String file : java.util.List.of("create_schema_migrations.sql", "create_schema_views.sql")) {
            String sql = dev.plumbline.sql.NamedQuery.load(Migrator.class, file).sql();
            assertThat(cluster.render(file, sql)).as(file).contains("ON CLUSTER main")
                    .contains("ENGINE = ReplicatedMergeTree");
        }
    }
}
