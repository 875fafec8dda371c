package dev.plumbline.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class MigratorTest {

    private static final NamedQuery TABLES = new NamedQuery("tables",
            "SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name");
    private static final List<String> PRODUCT_TABLES = List.of("alert_policies", "annotations", "api_tokens",
            "collection_coverage", "collector_watermarks", "customers", "digest_subscription_runs", "digest_subscriptions", "import_mappings", "notification_outbox", "objectives", "pushed_series_minute",
            "saved_views", "service_hour", "service_minute", "services", "telemetry_day", "telemetry_hour", "telemetry_minute",
            "telemetry_month", "tracked_fixes", "trigger_state", "triggers",
            "users");
    /** The view definitions (views/), created after the migrations. */
    private static final List<String> VIEWS = List.of("customers_as_of", "psr_slices", "slice_totals");

    private final ClickHouse clickHouse;

    MigratorTest(TestDatabase db) {
        this.clickHouse = db.clickHouse();
    }

    @BeforeEach
    void emptyDatabase() {
        for (String table : tables()) {
            clickHouse.executeScript("drop", "DROP TABLE " + table + " SYNC");   // views too
        }
    }

    @Test
    void every_migration_applies_to_an_empty_database() {
        List<String> applied = new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate();

        assertThat(applied).isEqualTo(Migrations.all().stream().map(Migration::id).toList());
        List<String> expected = new ArrayList<>(PRODUCT_TABLES);
        expected.addAll(VIEWS);
        expected.add("schema_migrations");
        expected.add("schema_views");
        assertThat(tables()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_second_run_applies_nothing() {
        new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate();

        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate()).isEmpty();
        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).applied()).hasSize(Migrations.all().size());
    }

    @Test
    void rolling_back_to_zero_drops_every_table_and_migrating_again_restores_them() {
        Migrator migrator = new Migrator(clickHouse, SchemaOptions.SINGLE_NODE);
        migrator.migrate();

        List<String> undone = migrator.rollbackTo(0);

        assertThat(undone).hasSize(Migrations.all().size()).first().isEqualTo(Migrations.all().getLast().id());
        // the view definitions are not migrations: only those a migration's down file drops are gone
        assertThat(tables()).containsExactly("customers_as_of", "schema_migrations", "schema_views");
        assertThat(migrator.applied()).isEmpty();
        assertThat(migrator.migrate()).hasSize(Migrations.all().size());
        assertThat(tables()).containsAll(PRODUCT_TABLES).containsAll(VIEWS);
    }

    @Test
    void a_view_whose_definition_changed_is_created_again_and_the_others_are_left_alone() {
        new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate();
        List<Views.View> edited = new ArrayList<>();
        for (Views.View v : Views.all()) {
            String sql = v.name().equals("slice_totals") ? v.sql() + "\n-- edited" : v.sql();
            edited.add(new Views.View(v.name(), sql, Migrations.sha256(sql)));
        }

        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE, Migrations.all(), edited).applyViews())
                .containsExactly("slice_totals");
        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE, Migrations.all(), edited).applyViews()).isEmpty();
        String ddl = clickHouse.queryOne(new NamedQuery("ddl", "SHOW CREATE TABLE slice_totals"), r -> r.getString(1))
                .orElseThrow();
        assertThat(ddl).contains("telemetry_day");
    }

    @Test
    void a_view_that_is_missing_is_created_again_though_its_text_did_not_change() {
        new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate();
        clickHouse.executeScript("drop", "DROP VIEW psr_slices SYNC");

        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).applyViews()).containsExactly("psr_slices");
        assertThat(tables()).contains("psr_slices");
    }

    @Test
    void every_view_definition_creates_one_view_of_its_own_name_and_renders_for_a_cluster() {
        SchemaOptions cluster = new SchemaOptions("main", 35);
        for (Views.View v : Views.all()) {
            assertThat(cluster.render(v.file(), v.sql())).as(v.file())
                    .contains("CREATE OR REPLACE VIEW " + v.name() + " ON CLUSTER main AS");
        }
    }

    @Test
    void the_raw_telemetry_ttl_comes_from_the_options() {
        new Migrator(clickHouse, new SchemaOptions("", 9)).migrate();

        String ddl = clickHouse.queryOne(new NamedQuery("ddl", "SHOW CREATE TABLE telemetry_minute"),
                row -> row.getString(1)).orElseThrow();
        assertThat(ddl).contains("TTL minute + toIntervalDay(9)");
    }

    @Test
    void an_applied_migration_that_was_edited_afterwards_is_refused() {
        new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).migrate();
        List<Migration> edited = new ArrayList<>(Migrations.all());
        Migration first = edited.getFirst();
        edited.set(0, new Migration(first.version(), first.name(), first.up() + "\n-- edited", first.down(), "0".repeat(64)));

        assertThatThrownBy(() -> new Migrator(clickHouse, SchemaOptions.SINGLE_NODE, edited).migrate())
                .hasMessageStartingWith("migration 0001_telemetry_minute was changed after it was applied to ")
                .hasMessageEndingWith("add a new migration instead of editing an applied one");
    }

    @Test
    void a_failing_migration_is_not_recorded_and_the_next_run_completes_it() {
        List<Migration> broken = new ArrayList<>(Migrations.all());
        broken.add(new Migration(99, "broken", "CREATE TABLE IF NOT EXISTS extra (x UInt8) ENGINE = Memory;\nSELECT nope",
                "DROP TABLE IF EXISTS extra", "b".repeat(64)));

        assertThatThrownBy(() -> new Migrator(clickHouse, SchemaOptions.SINGLE_NODE, broken).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("0099_broken.up.sql")
                .satisfies(e -> assertThat(((StoreException) e).code()).isEqualTo(47));
        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE).applied()).doesNotContainKey(99);

        List<Migration> fixed = new ArrayList<>(Migrations.all());
        fixed.add(new Migration(99, "broken", "CREATE TABLE IF NOT EXISTS extra (x UInt8) ENGINE = Memory",
                "DROP TABLE IF EXISTS extra", "c".repeat(64)));
        assertThat(new Migrator(clickHouse, SchemaOptions.SINGLE_NODE, fixed).migrate()).containsExactly("0099_broken");
    }

    private List<String> tables() {
        return clickHouse.query(TABLES, row -> row.getString(1));
    }
}
