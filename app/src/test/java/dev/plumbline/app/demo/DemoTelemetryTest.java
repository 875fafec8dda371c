package dev.plumbline.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.collectors.demo.DemoSlice;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.PlantedProblem;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo with its platform: live metrics served, last month's history written, the planted problems rank first.
 * The app's clock starts early on the 1st of a month: the planted deploy ("yesterday") then falls into last month.
 */
@ExtendWith(ClickHouseExtension.class)
class DemoTelemetryTest {

    private static final Instant NOW = Instant.parse("2027-03-01T06:00:00Z");

    private static RunningApp app;
    private static int port;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        app = RunningApp.start(db, Map.of("plumbline.demo.seed", true, "plumbline.demo.platform-port", port,
                "plumbline.clock.start", NOW.toString()));
        long rows = app.bean(DemoTelemetry.class).history().get(5, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(rows).isPositive();
        assertThat(app.bean(RollupStore.class).hasHours(DemoTelemetry.SOURCE)).isTrue();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_platform_serves_live_metrics_on_its_port() throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(text).contains("http_server_request_duration_seconds_bucket{customer=\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void last_month_is_compared_with_a_whole_month_before_it() {
        YearMonth last = YearMonth.from(NOW.atOffset(ZoneOffset.UTC)).minusMonths(1);
        Map<String, Object> page = app.jsonMap(app.getAs("pm", "/api/v1/figures/services?month=" + last).body());
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            Map<String, Object> before = (Map<String, Object>) item.get("previous");
            assertThat(before).as("%s", item.get("current")).isNotNull();
            // the month before last was written whole: every minute of it, as in the last month
            assertThat(((Number) before.get("coverage")).doubleValue()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(item.get("requestsChange")).isNotNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void last_months_ranking_holds_only_planted_problems_and_all_that_lasted_the_month() {
        YearMonth last = YearMonth.from(NOW.atOffset(ZoneOffset.UTC)).minusMonths(1);
        String month = last.toString();
        Instant monthStart = last.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant monthEnd = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        DemoTraffic traffic = DemoTelemetry.traffic(LocalDate.ofInstant(NOW, ZoneOffset.UTC));
        Set<DemoSlice> planted = new HashSet<>();    // every slice a problem touched last month
        Set<DemoSlice> lasting = new HashSet<>();    // the slices of problems that lasted the whole month
        for (PlantedProblem p : traffic.planted()) {
            if (p.from().isBefore(monthEnd) && p.to().isAfter(monthStart)) {
                planted.addAll(p.slices());
            }
            if (!p.from().isAfter(monthStart) && !p.to().isBefore(monthEnd)) {
                lasting.addAll(p.slices());
            }
        }
        assertThat(traffic.planted()).as("on the 1st, the deploy ten days ago was last month")
                .filteredOn(p -> p.name().equals("checkout-deploy")).hasSize(1)
                .allMatch(p -> p.from().isBefore(monthEnd) && !p.from().isBefore(monthStart));
        assertThat(lasting).isNotEmpty();
        var response = app.getAs("pm", "/api/v1/rankings/slices?month=" + month + "&limit=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> page = app.jsonMap(response.body());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("items");
        Set<DemoSlice> ranked = new HashSet<>();
        for (Map<String, Object> r : rows) {
            ranked.add(new DemoSlice((String) r.get("service"), (String) r.get("customer")));
        }
        assertThat(planted).as("every slice over budget last month is a planted one").containsAll(ranked);
        // two hours of failures may or may not take a whole month over budget; problems that lasted it always do
        assertThat(ranked).as("every slice of a problem that lasted the month is over budget").containsAll(lasting);
    }

    /**
     * The Alerts page's question on the demo: last month's checkout availability (target 99.95%) replayed. The planted
     * deploy fails 10% of requests for two hours (200 times the budget's rate): the SRE workbook's pages catch it
     * within ten minutes (at 200x, the 1h window passes 14.4x after about five), and nothing else pages them, since
     * the base error rate (3e-5) is far below 14.4 x 5e-4, and so is the deploy's residual over the whole service. A twitchy candidate, a 5m window at 0.1x (5e-5, near the
     * base rate), pages all the time and mostly for nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void last_months_checkout_replay_catches_the_planted_deploy_and_a_twitchy_rule_pages_for_noise() {
        YearMonth last = YearMonth.from(NOW.atOffset(ZoneOffset.UTC)).minusMonths(1);
        PlantedProblem deploy = DemoTelemetry.traffic(LocalDate.ofInstant(NOW, ZoneOffset.UTC)).planted().stream()
                .filter(p -> p.name().equals("checkout-deploy")).findFirst().orElseThrow();
        List<Map<String, Object>> presets = app.jsonList(app.getAs("engineer",
                "/api/v1/alerts/presets?service=checkout&objective=availability").body());
        String body = "{\"service\":\"checkout\",\"objective\":\"availability\",\"from\":\""
                + last.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "\",\"to\":\""
                + last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "\",\"candidates\":["
                + "{\"name\":\"sre-workbook\",\"rules\":" + json(presets.getFirst().get("rules")) + "},"
                + "{\"name\":\"twitchy\",\"rules\":[{\"name\":\"page\",\"severity\":\"page\","
                + "\"longWindow\":\"5m\",\"factor\":0.1}]}]}";

        var response = app.send("POST", "/api/v1/alerts/backtest", body, RunningApp.basic("engineer"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> result = app.jsonMap(response.body());
        assertThat(((Map<String, Object>) result.get("resolution")).get("minutesMissing")).isEqualTo(0);
        List<Map<String, Object>> episodes = (List<Map<String, Object>>) result.get("episodes");
        // base-rate minutes that burn by chance (two failures in a minute) less than 30 minutes before the deploy join
        // its run, so the episode may start a little before it; it always holds the deploy's two hours
        assertThat(episodes).as("the deploy's incident, annotated and burning").singleElement().satisfies(e -> {
            assertThat(e.get("origin")).isEqualTo("both");
            assertThat(Instant.parse((String) e.get("start"))).isBetween(deploy.from().minus(Duration.ofHours(2)),
                    deploy.from());
            assertThat(Instant.parse((String) e.get("end"))).isAfterOrEqualTo(deploy.to());
        });
        Instant episodeStart = Instant.parse((String) episodes.getFirst().get("start"));
        List<Map<String, Object>> reports = (List<Map<String, Object>>) result.get("reports");
        Map<String, Object> sre = reports.get(0);
        Map<String, Object> twitchy = reports.get(1);
        Map<String, Object> caught = ((List<Map<String, Object>>) sre.get("episodes")).getFirst();
        assertThat(caught.get("caught")).isEqualTo(true);
        Instant paged = episodeStart.plusSeconds(((Number) caught.get("detectionSeconds")).longValue());
        assertThat(Duration.between(deploy.from(), paged)).as("paged within ten minutes of the deploy")
                .isBetween(Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(((Number) sre.get("precision")).doubleValue()).as("nothing but the incident fires it").isEqualTo(1.0);
        assertThat(((Number) twitchy.get("pagesPerWeek")).doubleValue()).isGreaterThan(10);
        assertThat(((Number) twitchy.get("precision")).doubleValue()).isLessThan(0.5);
    }

    /**
     * The slow search of customers keeping 1 TB or more (six times the usual latency, all month) is a slow burn of the
     * whole service's latency objective (95% under 800 ms): the SRE workbook's ticket rule (1x over 3d) catches it, a
     * single fast window never does.
     */
    @Test
    @SuppressWarnings("unchecked")
    void last_months_search_latency_replay_catches_the_slow_burn_with_the_ticket_rule_only() {
        YearMonth last = YearMonth.from(NOW.atOffset(ZoneOffset.UTC)).minusMonths(1);
        List<Map<String, Object>> presets = app.jsonList(app.getAs("engineer",
                "/api/v1/alerts/presets?service=search&objective=latency").body());
        String body = "{\"service\":\"search\",\"objective\":\"latency\",\"from\":\""
                + last.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "\",\"to\":\""
                + last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "\",\"candidates\":"
                + json(presets) + "}";

        var response = app.send("POST", "/api/v1/alerts/backtest", body, RunningApp.basic("engineer"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> result = app.jsonMap(response.body());
        List<Map<String, Object>> episodes = (List<Map<String, Object>>) result.get("episodes");
        assertThat(episodes).isNotEmpty().allSatisfy(e -> assertThat(e.get("origin")).isEqualTo("burn"));
        Map<String, Map<String, Object>> reports = new java.util.HashMap<>();
        ((List<Map<String, Object>>) result.get("reports")).forEach(r -> reports.put((String) r.get("policy"), r));
        assertThat(((Number) reports.get("sre-workbook").get("recall")).doubleValue()).isEqualTo(1.0);
        assertThat(reports.get("sre-workbook").get("pages")).as("a slow burn is a ticket, not a page").isEqualTo(0);
        assertThat(reports.get("single-window").get("caught")).isEqualTo(0);
    }

    private static String json(Object value) {
        try {
            return app.bean(io.micronaut.json.JsonMapper.class).writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The demo's tracked fix against the planted truth: the deploy's residual failures
     * ({@link DemoTraffic#RESIDUAL_ERROR_RATE} of the busiest checkout customers' requests) stop at the rollback, so
     * the equal windows before and after it (4 whole days each, the ship day in neither) have the residual's error
     * ratio and the base rate's, and the improvement is significant.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_demo_tracks_the_checkout_rollback_as_a_shipped_fix_whose_measured_effect_is_the_planted_one() {
        PlantedProblem residual = DemoTelemetry.traffic(LocalDate.ofInstant(NOW, ZoneOffset.UTC)).planted().stream()
                .filter(p -> p.name().equals("checkout-deploy-residual")).findFirst().orElseThrow();
        List<String> busiest = residual.slices().stream().map(DemoSlice::customer).sorted().toList();
        List<Map<String, Object>> fixes = app.jsonList(app.getAs("pm", "/api/v1/fixes").body());

        assertThat(fixes).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("title", "Roll back checkout 7.3.0").containsEntry("service", "checkout")
                    .containsEntry("problem", "availability")
                    .containsEntry("shippedAt", "2027-02-24T16:00:00Z");   // five days and two hours after the deploy
            assertThat((List<String>) f.get("customers")).containsExactlyElementsOf(busiest).hasSize(5);
            Map<String, Object> effect = (Map<String, Object>) f.get("effect");
            assertThat(effect).as("shipped on the 24th: the 25th to the 28th after, the 20th to the 23rd before")
                    .containsEntry("days", 4).containsEntry("hypothesisHeld", true);
            double before = ((Number) ((Map<String, Object>) effect.get("before")).get("value")).doubleValue();
            double after = ((Number) ((Map<String, Object>) effect.get("after")).get("value")).doubleValue();
            assertThat(before).as("the residual's error ratio").isCloseTo(DemoTraffic.RESIDUAL_ERROR_RATE,
                    org.assertj.core.api.Assertions.withinPercentage(5));
            assertThat(after).as("the base rate, far below the budget").isLessThan(DemoTraffic.RESIDUAL_ERROR_RATE / 10);
            Map<String, Object> significance = (Map<String, Object>) effect.get("significance");
            assertThat(significance).containsEntry("change", "improved");
            assertThat(((Number) significance.get("pValue")).doubleValue()).isLessThan(0.01);
            assertThat(f).containsEntry("state", "verified-improved");
            Map<String, Object> deploy = app.jsonList(app.getAs("pm", "/api/v1/annotations?from=2027-02-24T00:00:00Z"
                    + "&to=2027-02-25T00:00:00Z&kind=deploy").body()).stream()
                    .filter(a -> a.get("id").equals(f.get("deployAnnotation"))).findFirst().orElseThrow();
            assertThat(deploy).containsEntry("text", "checkout 7.2.4 (rollback of 7.3.0)");
        });
    }
}
