package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.collect.CollectorService;
import dev.plumbline.app.security.TokenService;
import dev.plumbline.app.testing.Pushes;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /api/v1/write with pushes built as Prometheus sends them: the minutes they make against the counters' own
 * differences, what a push that comes again does, and every refusal (nothing stored).
 */
@ExtendWith(ClickHouseExtension.class)
class RemoteWriteApiTest {

    private static final Map<String, Object> CONFIG = Map.of("plumbline.collectors.remote-write.enabled", true,
            "plumbline.collectors.remote-write.source", "pushed", "plumbline.collectors.remote-write.flush", "1h");
    /** Scrapes 7 s after the minute, as a Prometheus started off the minute makes them. */
    private static final Instant T = Instant.parse("2026-11-20T09:00:07Z");
    private static final NamedQuery MINUTES = new NamedQuery("pushed minutes", """
            SELECT service, customer, minute, requests, errors, latency_le, latency_counts
            FROM telemetry_minute FINAL WHERE source = 'pushed' AND service = {service:String}
            ORDER BY customer, minute""");
    private static final NamedQuery COVERAGE = new NamedQuery("pushed coverage",
            "SELECT hour, minutes FROM collection_coverage FINAL WHERE source = 'pushed' ORDER BY hour");

    private static TestDatabase db;
    private static RunningApp app;
    private static Map<String, String> collector;

    @BeforeAll
    static void start(TestDatabase database) {
        db = database;
        app = RunningApp.start(db, CONFIG);
        collector = RunningApp.bearer(app.bean(TokenService.class).create("prometheus", "collector", "admin").secret());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    private static String[] count(String service, String customer) {
        return new String[] {"__name__", "http_server_request_duration_seconds_count", "service", service,
                "customer", customer, "job", "api"};
    }

    private static String[] bucket(String service, String customer, String le) {
        return new String[] {"__name__", "http_server_request_duration_seconds_bucket", "service", service,
                "customer", customer, "le", le};
    }

    private static String[] errors(String service, String customer, String status) {
        return new String[] {"__name__", "http_server_requests_total", "service", service, "customer", customer,
                "status_code", status};
    }

    private static HttpResponse<String> push(Pushes pushes) {
        return Pushes.post(app, pushes.body(), Pushes.headers(collector));
    }

    /** minute (seconds after T's minute) -> requests, errors, per-bucket counts, for one service. */
    private static Map<Long, List<Object>> stored(String service) {
        app.bean(CollectorService.class).remoteWrite().orElseThrow().flush();
        Map<Long, List<Object>> out = new TreeMap<>();
        long base = T.getEpochSecond() - 7;
        db.clickHouse().query(MINUTES, Params.of("service", service), r -> out.put(
                r.getInstant("minute").getEpochSecond() - base, List.of(r.getString("customer"),
                        r.getDouble("requests"), r.getDouble("errors"), r.getDoubles("latency_counts").toString())));
        return out;
    }

    @Test
    void pushed_counters_become_minutes_equal_to_their_differences_and_a_push_sent_again_changes_nothing() {
        Pushes pushes = new Pushes()
                .series(count("checkout", "acme"), at(0), 100, at(60), 130, at(120), 190)
                .series(bucket("checkout", "acme", "0.1"), at(0), 80, at(60), 100, at(120), 150)
                .series(bucket("checkout", "acme", "+Inf"), at(0), 100, at(60), 130, at(120), 190)
                .series(errors("checkout", "acme", "503"), at(0), 1, at(60), 4, at(120), 5)
                .series(errors("checkout", "acme", "200"), at(0), 99, at(60), 126, at(120), 185)
                .series(new String[] {"__name__", "up", "job", "api"}, at(0), 1);

        HttpResponse<String> first = push(pushes);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        Map<Long, List<Object>> once = stored("checkout");
        // 130-100 and 190-130 requests; 4-1 and 5-4 errors; buckets 20 of 30 and 50 of 60 under 0.1 s
        assertThat(once).isEqualTo(Map.of(
                60L, List.of("acme", 30.0, 3.0, "[20.0, 10.0]"),
                120L, List.of("acme", 60.0, 1.0, "[50.0, 10.0]")));

        HttpResponse<String> again = push(pushes);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
        assertThat(stored("checkout")).isEqualTo(once);
    }

    @Test
    void a_push_continues_the_minute_the_one_before_began_and_a_reset_counts_the_new_value() {
        assertThat(push(new Pushes().series(count("search", "globex"), at(0), 10, at(20), 15)).statusCode())
                .isEqualTo(204);
        assertThat(push(new Pushes().series(count("search", "globex"), at(40), 19, at(65), 3)).statusCode())
                .isEqualTo(204);
        // minute 0: 15-10 then 19-15; minute 1: the counter restarted, 3 counted
        assertThat(stored("search")).isEqualTo(Map.of(
                0L, List.of("globex", 9.0, 0.0, "[]"),
                60L, List.of("globex", 3.0, 0.0, "[]")));
        assertThat(db.clickHouse().query(COVERAGE, r -> r.getInstant("hour") + "=" + r.getLong("minutes")))
                .contains("2026-11-20T09:00:00Z=3");   // minutes 0, 1 and 2 of 09:00 had a push
    }

    @Test
    void a_restarted_app_continues_each_series_from_what_was_stored() {
        assertThat(push(new Pushes().series(count("ledger", "initech"), at(0), 500, at(30), 520)).statusCode())
                .isEqualTo(204);
        app.bean(CollectorService.class).remoteWrite().orElseThrow().flush();
        app.close();
        app = RunningApp.start(db, CONFIG);
        collector = RunningApp.bearer(app.bean(TokenService.class).create("prometheus", "collector", "admin").secret());

        assertThat(push(new Pushes().series(count("ledger", "initech"), at(90), 560)).statusCode()).isEqualTo(204);

        // 520-500 in minute 0; 560-520 in minute 1: the restarted app knew the last sample, 520 (without it, 560 would
        // only be a base and minute 1 would count nothing)
        assertThat(stored("ledger")).isEqualTo(Map.of(
                0L, List.of("initech", 20.0, 0.0, "[]"),
                60L, List.of("initech", 40.0, 0.0, "[]")));
    }

    @Test
    void what_is_not_a_push_is_refused_naming_what_is_wrong_and_nothing_is_stored() throws Exception {
        byte[] good = new Pushes().series(count("refused", "acme"), at(0), 1, at(60), 2).body();
        record Case(byte[] body, Map<String, String> headers, int status, String message) {
        }
        List<Case> cases = List.of(
                new Case(good, Pushes.headers(Map.of()), 401, "sign in first"),
                new Case(good, Pushes.headers(RunningApp.basic("engineer")), 403, ""),
                new Case(good, Pushes.headers(Map.of("Content-Encoding", "gzip", "Authorization",
                        collector.get("Authorization"))), 400, "Content-Encoding: must be snappy"),
                new Case(good, Pushes.headers(Map.of("X-Prometheus-Remote-Write-Version", "2.0.0",
                        "Authorization", collector.get("Authorization"))), 400,
                        "X-Prometheus-Remote-Write-Version: '2.0.0' is not supported"),
                new Case("not snappy".getBytes(), Pushes.headers(collector), 400, "body: not"),
                new Case(org.xerial.snappy.Snappy.compress(new byte[] {(byte) 0xff, 0x01, 0x02}),
                        Pushes.headers(collector), 400, "body: not a protobuf WriteRequest"),
                new Case(new byte[0], Pushes.headers(collector), 400, "body: empty"));
        for (Case c : cases) {
            HttpResponse<String> r = Pushes.post(app, c.body(), c.headers());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(c.status());
            assertThat(r.body()).contains(c.message());
        }
        assertThat(stored("refused")).isEmpty();
    }

    @Test
    void the_receiver_is_a_source_on_the_collectors_page_and_cannot_be_backfilled() {
        assertThat(push(new Pushes().series(count("status", "acme"), at(0), 1, at(60), 2)).statusCode()).isEqualTo(204);
        Map<String, Object> pushed = app.jsonList(app.getAs("engineer", "/api/v1/collectors").body()).stream()
                .filter(s -> s.get("source").equals("pushed")).findFirst().orElseThrow();
        assertThat(pushed).containsEntry("kind", "remote-write").containsEntry("read", "push (remote write)")
                .containsEntry("state", "receiving").containsEntry("url", "/api/v1/write");

        HttpResponse<String> backfill = app.send("POST", "/api/v1/collectors/pushed/backfill",
                "{\"from\":\"2026-11-20T00:00:00Z\",\"to\":\"2026-11-20T01:00:00Z\"}", RunningApp.basic("admin"));
        assertThat(backfill.statusCode()).as(backfill.body()).isEqualTo(400);
        assertThat(backfill.body()).contains("is pushed through remote write");
    }
}
