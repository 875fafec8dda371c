package dev.plumbline.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.collect.CollectorService;
import dev.plumbline.app.collect.SourceStatus;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.collectors.testing.PrometheusHistory;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three app replicas against one store, coordinating through KeeperMap leases in the test ClickHouse (whose server
 * config points at the test ZooKeeper): six Prometheus sources over one real Prometheus with six hours of history.
 * Started together, they migrate once and split the sources two each; one stopped in the middle of collection hands
 * its sources to the others in their next lease round; started again, the work rebalances. Every source's stored
 * minutes then add up to Prometheus' own raw counter increase: no minute lost, none doubled.
 */
@ExtendWith(ClickHouseExtension.class)
class ReplicasCollectionTest {

    private static final Instant TO = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant FROM = TO.minus(6, ChronoUnit.HOURS);
    private static final Instant NOW = TO.plus(20, ChronoUnit.MINUTES);
    private static final List<String> SOURCES = IntStream.rangeClosed(1, 6).mapToObj(i -> "p" + i).toList();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final NamedQuery MINUTE_TOTALS = new NamedQuery("replicas_test_minute_totals",
            "SELECT source, sum(requests) AS requests, count() AS minutes FROM telemetry_minute FINAL GROUP BY source");
    private static final NamedQuery HOUR_TOTALS = new NamedQuery("replicas_test_hour_totals",
            "SELECT source, sum(requests) AS requests FROM telemetry_hour FINAL GROUP BY source");
    private static final NamedQuery MIGRATIONS = new NamedQuery("replicas_test_migrations",
            "SELECT version, countIf(direction = 'up') AS ups FROM schema_migrations GROUP BY version");

    @TempDir
    static Path dir;
    private static LocalPrometheus prometheus;
    private static TestDatabase database;
    private static final Map<String, RunningApp> apps = new HashMap<>();

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        database = db;
        DemoTraffic traffic = new DemoTraffic(List.of("api-gateway", "search", "billing"),
                List.of(new DemoCustomer("acme", 3, 5000, "eu-west"), new DemoCustomer("globex", 1, 20, "us-east"),
                        new DemoCustomer("initech", 2, 300, "us-west")), 7, FROM);
        prometheus = PrometheusHistory.start(dir, traffic, FROM, TO);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        apps.values().forEach(RunningApp::close);
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static RunningApp replica(String id) {
        Map<String, Object> p = new HashMap<>();
        p.put("plumbline.replicas.coordination", "keeper-map");
        p.put("plumbline.replicas.id", id);
        // generous against a loaded machine: a round is a dozen statements, the TTL five rounds
        p.put("plumbline.replicas.lease-ttl", "10s");
        p.put("plumbline.replicas.renew", "2s");
        p.put("plumbline.collectors.interval", "4s");
        p.put("plumbline.clock.start", NOW.toString());
        p.put("plumbline.collectors.first-lookback",
                Duration.between(FROM.minus(15, ChronoUnit.MINUTES), NOW).toMinutes() + "m");
        for (String s : SOURCES) {
            p.put("plumbline.collectors.prometheus." + s + ".url", prometheus.url().toString());
        }
        return RunningApp.start(database, p);
    }

    private static Replicas replicas(String id) {
        return apps.get(id).bean(Replicas.class);
    }

    @Test
    void three_replicas_split_the_sources_hand_them_over_and_rebalance_with_no_minute_lost_or_doubled()
            throws Exception {
        // started together on an empty database: one migrates, the others wait and find nothing to do
        List<CompletableFuture<RunningApp>> starting = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            starting.add(CompletableFuture.supplyAsync(() -> replica(id)));
        }
        for (int i = 0; i < 3; i++) {
            apps.put(List.of("a", "b", "c").get(i), starting.get(i).join());
        }
        database.clickHouse().query(MIGRATIONS, r -> r.getLong("ups"))
                .forEach(ups -> assertThat(ups).as("each migration applied once").isEqualTo(1L));
        assertThat(database.clickHouse().query(MIGRATIONS, r -> r)).hasSizeGreaterThanOrEqualTo(24);

        await("the sources split two each", () -> List.of("a", "b", "c").stream()
                .allMatch(id -> sourcesHeld(id).size() == 2 && replicas(id).status().members().size() == 3));
        assertThat(heldOnce(List.of("a", "b", "c"))).isTrue();
        for (String id : List.of("a", "b", "c")) {   // joined: ready, and the probe's details say what it holds
            HttpResponse<String> ready = apps.get(id).getAs("admin", "/health/readiness");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"replicas\"").contains(sourcesHeld(id).getFirst());
        }
        List<String> aHad = sourcesHeld("a");

        // a stops while it collects (as soon as it has written rows); b and c take its sources in their next rounds
        await("a collecting", () -> rowsWritten("a") > 0);
        long bRounds = replicas("b").status().rounds();
        long cRounds = replicas("c").status().rounds();
        apps.remove("a").close();
        await("b and c hold all six", () -> sourcesHeld("b").size() + sourcesHeld("c").size() == 6
                && heldOnce(List.of("b", "c")));
        assertThat(replicas("b").status().rounds() - bRounds).as("b's rounds until the hand-over").isLessThanOrEqualTo(4);   // two collection intervals
        assertThat(replicas("c").status().rounds() - cRounds).as("c's rounds until the hand-over").isLessThanOrEqualTo(4);   // two collection intervals
        assertThat(sourcesHeld("b").size()).isEqualTo(3);
        assertThat(union(List.of("b", "c"))).containsAll(aHad);

        // a again: b and c give one source each back
        apps.put("a", replica("a"));
        await("rebalanced two each", () -> List.of("a", "b", "c").stream()
                .allMatch(id -> sourcesHeld(id).size() == 2) && heldOnce(List.of("a", "b", "c")));

        // every source collected to the end of Prometheus' history: its totals equal the raw counter increase
        await("every source collected", () -> SOURCES.stream().allMatch(ReplicasCollectionTest::collectedToTheEnd));
        double truth = rawIncrease();
        assertThat(truth).isPositive();
        Map<String, double[]> minutes = new HashMap<>();
        database.clickHouse().query(MINUTE_TOTALS, r -> minutes.put(r.getString("source"),
                new double[] {r.getDouble("requests"), r.getLong("minutes")}));
        Map<String, Double> hours = new HashMap<>();
        database.clickHouse().query(HOUR_TOTALS, r -> hours.put(r.getString("source"), r.getDouble("requests")));
        assertThat(minutes.keySet()).containsExactlyInAnyOrderElementsOf(SOURCES);
        for (String s : SOURCES) {
            assertThat(minutes.get(s)[0]).as(s + " minutes").isEqualTo(truth);
            assertThat(hours.get(s)).as(s + " hours").isEqualTo(truth);
            assertThat(minutes.get(s)[1]).as(s + " minute rows").isEqualTo(minutes.get("p1")[1]);
        }
    }

    private static List<String> sourcesHeld(String id) {
        return replicas(id).held().stream().filter(w -> w.startsWith("source/")).toList();
    }

    private static List<String> union(List<String> ids) {
        return ids.stream().flatMap(id -> sourcesHeld(id).stream()).toList();
    }

    /** Every source held by exactly one of {@code ids}. */
    private static boolean heldOnce(List<String> ids) {
        List<String> all = union(ids);
        return all.size() == SOURCES.size() && all.stream().distinct().count() == SOURCES.size();
    }

    private static long rowsWritten(String id) {
        return apps.get(id).bean(CollectorService.class).status().stream().mapToLong(SourceStatus::rowsWritten).sum();
    }

    /** The source's watermark, as stored (whichever replica wrote it), is past the last sample Prometheus holds. */
    private static boolean collectedToTheEnd(String source) {
        return database.clickHouse().queryOne(new NamedQuery("replicas_test_watermark",
                        "SELECT min(watermark) AS w FROM collector_watermarks FINAL WHERE source = {source:String}"),
                dev.plumbline.sql.Params.of("source", source), r -> r.getInstant("w"))
                .map(w -> !w.isBefore(TO.plus(6, ChronoUnit.MINUTES))).orElse(false);
    }

    /**
     * Prometheus' own answer: the requests counters' last sample minus their first, summed (no resets: checked), as
     * exact increases must add up to.
     */
    private static double rawIncrease() throws Exception {
        String counter = "http_server_request_duration_seconds_count";
        double first = FROM.minus(5, ChronoUnit.MINUTES).getEpochSecond();   // the history's first scrape
        double after = TO.plus(10, ChronoUnit.MINUTES).getEpochSecond();      // within 5 minutes of its last
        double lastSample = scalar("max(timestamp(" + counter + "))", after);
        assertThat(scalar("sum(resets(" + counter + "[7h]))", lastSample)).isZero();
        assertThat(scalar("count(" + counter + ")", first)).as("the same series from the first scrape to the last")
                .isEqualTo(scalar("count(" + counter + ")", lastSample));
        return scalar("sum(" + counter + ")", lastSample) - scalar("sum(" + counter + ")", first);
    }

    @SuppressWarnings("unchecked")
    private static double scalar(String query, double at) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(prometheus.url().resolve("/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time=" + at)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Object> json = io.micronaut.json.JsonMapper.createDefault().readValue(body, Map.class);
        List<Map<String, Object>> result = (List<Map<String, Object>>) ((Map<String, Object>) json.get("data"))
                .get("result");
        assertThat(result).as(query + " at " + at + ": " + body).hasSize(1);
        return Double.parseDouble((String) ((List<Object>) result.getFirst().get("value")).get(1));
    }

    /** Polls {@code condition} (what the replicas do takes their own rounds) for up to three minutes. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 3 minutes for " + what);
            }
            Thread.sleep(100);
        }
    }
}
