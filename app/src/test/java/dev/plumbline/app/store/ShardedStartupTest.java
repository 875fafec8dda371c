package dev.plumbline.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.ShardedDatabase;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application on a sharded store (two shards of a real cluster: {@code TestCluster}) configured with
 * {@code plumbline.clickhouse.cluster} and {@code .shards}: it creates and migrates every shard at start, and its API
 * gives what the same application on one node gives for the same planted platform. Its own writes go to the
 * {@code Distributed} tables too (the users it is started with, an annotation posted to it).
 */
@ExtendWith(ClickHouseExtension.class)
class ShardedStartupTest {

    private static ShardedDatabase sharded;
    private static RunningApp single;
    private static RunningApp cluster;

    @BeforeAll
    static void start(TestDatabase one) {
        sharded = ShardedDatabase.create("shardedstartuptest");   // nothing created yet: the app does it at start
        TestDatabase many = new TestDatabase(sharded.spec(), sharded.clickHouse(),
                new TestServer(sharded.spec().httpUrl(), sharded.spec().user(), sharded.spec().password(), "cluster"));
        single = RunningApp.start(one, Map.of());
        cluster = RunningApp.start(many, Map.of("plumbline.clickhouse.cluster", sharded.sharding().cluster(),
                "plumbline.clickhouse.shards", String.join(",", sharded.sharding().shardUrls())));
        for (ClickHouse store : List.of(one.clickHouse(), sharded.clickHouse())) {
            PlantedPlatform.seed(store, PlantedPlatform.clock());
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {cluster, single, sharded}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + c, e);
            }
        }
    }

    @Test
    void the_app_migrated_every_shard_and_its_rows_are_on_both() {
        for (ClickHouse local : sharded.locals()) {
            try (local) {
                assertThat(local.queryOne(new NamedQuery("n", "SELECT count() AS n FROM telemetry_hour"),
                        r -> r.getLong("n")).orElseThrow()).isPositive();
                assertThat(local.queryOne(new NamedQuery("m", "SELECT count() AS n FROM schema_migrations"),
                        r -> r.getLong("n")).orElseThrow()).isPositive();
            }
        }
        for (ClickHouse shard : sharded.shards()) {
            try (shard) {
                assertThat(shard.queryOne(new NamedQuery("e", "SELECT engine FROM system.tables "
                        + "WHERE database = currentDatabase() AND name = 'telemetry_hour'"), r -> r.getString("engine")))
                        .contains("Distributed");
            }
        }
        // the users the test app was started with were written by the app, through the Distributed table
        assertThat(sharded.clickHouse().queryOne(new NamedQuery("u", "SELECT count() AS n FROM users FINAL"),
                r -> r.getLong("n")).orElseThrow()).isEqualTo(RunningApp.USERS.size());
    }

    @Test
    void the_api_gives_the_single_nodes_figures() {
        List<String> paths = List.of("/api/v1/rankings/slices?month=2026-10&limit=100",
                "/api/v1/rankings/services?month=2026-10", "/api/v1/rankings/segments?month=2026-10",
                "/api/v1/summary?month=2026-10", "/api/v1/figures/services?month=2026-10",
                "/api/v1/figures/slices?from=2026-10-04T18:00:00Z&to=2026-10-08T06:00:00Z&service=search&limit=100",
                "/api/v1/customer-health?month=2026-10");
        for (String path : paths) {
            var one = single.getAs("pm", path);
            var two = cluster.getAs("pm", path);
            assertThat(one.statusCode()).as(path + ": " + one.body()).isEqualTo(200);
            assertThat(two.statusCode()).as(path + ": " + two.body()).isEqualTo(200);
            assertThat(two.body().length()).as(path).isGreaterThan(100);
            assertThat(single.json(two.body(), Object.class)).as(path).usingRecursiveComparison()
                    .withComparatorForType(ShardedStartupTest::sameFigure, Double.class)
                    .isEqualTo(single.json(one.body(), Object.class));
        }
    }

    @Test
    void an_annotation_posted_to_the_app_is_stored_once_and_listed() {
        String body = "{\"kind\":\"deploy\",\"service\":\"search\",\"text\":\"search 4.2.0\","
                + "\"time\":\"2026-10-06T10:15:00Z\"}";
        assertThat(cluster.send("POST", "/api/v1/annotations", body, RunningApp.basic("pm")).statusCode()).isEqualTo(201);

        var listed = cluster.jsonList(cluster.getAs("engineer",
                "/api/v1/annotations?from=2026-10-06T00:00:00Z&to=2026-10-07T00:00:00Z").body());
        assertThat(listed).singleElement().satisfies(a -> assertThat(a).containsEntry("text", "search 4.2.0"));
        long stored = 0;
        for (ClickHouse local : sharded.locals()) {
            try (local) {
                stored += local.queryOne(new NamedQuery("a", "SELECT count() AS n FROM annotations"),
                        r -> r.getLong("n")).orElseThrow();
            }
        }
        assertThat(stored).isEqualTo(1);
    }

    /** Equal, or apart by at most 1e-12 of the larger: a Float64 sum added in another order (ShardedFiguresTest). */
    private static int sameFigure(Double a, Double b) {
        return a.equals(b) || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : Double.compare(a, b);
    }
}
