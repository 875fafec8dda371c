package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.Backtest;
import dev.plumbline.sql.alerts.BadEpisode;
import dev.plumbline.sql.alerts.BadEpisodes;
import dev.plumbline.sql.alerts.MinuteCounts;
import dev.plumbline.sql.alerts.Report;
import dev.plumbline.sql.alerts.ReportSettings;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alert-tuning API on planted minutes: a month of checkout traffic from two customers (100 requests a minute
 * each), a two-hour burst of 5% errors from acme alone, a day of slow requests, and an incident annotated over the
 * burst. The truth of each report is the backtest replayed by the test on the minutes it planted.
 */
@ExtendWith(ClickHouseExtension.class)
class AlertsApiTest {

    static final Instant START = Instant.parse("2026-10-20T00:00:00Z");
    static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant BURST = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant SLOW_DAY = Instant.parse("2026-11-10T00:00:00Z");
    static final List<Double> LE = List.of(0.1, 0.25, 1.0, Double.POSITIVE_INFINITY);
    static final Objective AVAILABILITY = new Objective("checkout", "availability", Indicator.AVAILABILITY, 0.999, null,
            ObjectiveWindow.rolling(30));
    static final Objective LATENCY = new Objective("checkout", "latency", Indicator.LATENCY, 0.99, 250.0,
            ObjectiveWindow.rolling(30));
    private static RunningApp app;

    @BeforeAll
    static void plant(TestDatabase db) {
        Clock clock = Clock.fixed(END, ZoneOffset.UTC);
        new ServiceCatalogStore(db.migrate().clickHouse(), clock).upsert(
                List.of(new Service("checkout", "Checkout", "", "payments", "tier-1", 1)), List.of(AVAILABILITY, LATENCY));
        List<TelemetryMinute> minutes = new ArrayList<>();
        for (Instant m = START; m.isBefore(END); m = m.plus(1, ChronoUnit.MINUTES)) {
            for (String customer : List.of("acme", "globex")) {
                minutes.add(new TelemetryMinute("checkout", customer, "prometheus", m, 100, errors(customer, m), LE,
                        buckets(m), true));
            }
        }
        new TelemetryStore(db.clickHouse(), clock).insert(minutes);
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        for (Instant day = START; day.isBefore(END); day = day.plus(1, ChronoUnit.DAYS)) {
            rollups.rollUpHours(day, day.plus(1, ChronoUnit.DAYS));
        }
        new AnnotationStore(db.clickHouse(), clock).insert(List.of(new Annotation(UUID.randomUUID(), BURST,
                BURST.plus(Duration.ofHours(2)), "checkout", "", AnnotationKind.INCIDENT, "payments failing", "")));
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** acme fails 5% of its requests during the burst; nothing else fails. */
    static double errors(String customer, Instant m) {
        return customer.equals("acme") && !m.isBefore(BURST) && m.isBefore(BURST.plus(Duration.ofHours(2))) ? 5 : 0;
    }

    /** 2 of 100 requests slower than 250 ms on the slow day (2x the 1% allowed), none otherwise. */
    static List<Double> buckets(Instant m) {
        boolean slow = !m.isBefore(SLOW_DAY) && m.isBefore(SLOW_DAY.plus(Duration.ofDays(1)));
        return slow ? List.of(90.0, 8.0, 1.5, 0.5) : List.of(90.0, 10.0, 0.0, 0.0);
    }

    /** The planted minutes of [from, to) as the test counts them: all customers, or only acme. */
    static MinuteCounts planted(Instant from, Instant to, boolean latency, boolean onlyAcme) {
        int n = (int) Duration.between(from, to).toMinutes();
        double[] total = new double[n];
        double[] bad = new double[n];
        for (int i = 0; i < n; i++) {
            Instant m = from.plus(i, ChronoUnit.MINUTES);
            if (m.isBefore(START) || !m.isBefore(END)) {
                continue;
            }
            for (String customer : onlyAcme ? List.of("acme") : List.of("acme", "globex")) {
                total[i] += 100;
                bad[i] += latency ? buckets(m).get(2) + buckets(m).get(3) : errors(customer, m);
            }
        }
        return new MinuteCounts(from, total, bad);
    }

    static String body(String extra, String candidates) {
        return "{\"service\":\"checkout\",\"objective\":\"availability\"" + extra + ",\"candidates\":[" + candidates + "]}";
    }

    static final String SRE = "{\"name\":\"sre\",\"rules\":[{\"name\":\"page-1h\",\"severity\":\"page\",\"longWindow\":\"1h\","
            + "\"shortWindow\":\"5m\",\"factor\":14.4},{\"name\":\"page-6h\",\"severity\":\"page\",\"longWindow\":\"6h\","
            + "\"shortWindow\":\"30m\",\"factor\":6},{\"name\":\"ticket-3d\",\"severity\":\"ticket\",\"longWindow\":\"3d\","
            + "\"shortWindow\":\"6h\",\"factor\":1}]}";
    static final String TWITCHY = "{\"name\":\"twitchy\",\"rules\":[{\"name\":\"page\",\"severity\":\"page\","
            + "\"longWindow\":\"5m\",\"factor\":2,\"keepFiringFor\":\"10m\"}]}";

    static Map<String, Object> backtest(String user, String json) {
        HttpResponse<String> response = app.send("POST", "/api/v1/alerts/backtest", json, RunningApp.basic(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return app.jsonMap(response.body());
    }

    @Test
    void the_presets_are_the_sre_workbook_pyrra_and_a_single_window_for_the_objectives_window() {
        HttpResponse<String> response = app.getAs("engineer", "/api/v1/alerts/presets?service=checkout&objective=latency");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> presets = app.jsonList(response.body());
        assertThat(presets).extracting(p -> p.get("name")).containsExactly("sre-workbook", "pyrra", "single-window");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sre = (List<Map<String, Object>>) presets.getFirst().get("rules");
        assertThat(sre).extracting(r -> r.get("longWindow")).containsExactly("1h", "6h", "3d");
        assertThat(sre).extracting(r -> ((Number) r.get("factor")).doubleValue()).containsExactly(14.4, 6.0, 1.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_candidates_report_is_the_backtest_of_the_planted_minutes() {
        Instant from = Instant.parse("2026-10-25T00:00:00Z");
        Instant to = Instant.parse("2026-11-19T00:00:00Z");
        Map<String, Object> result = backtest("engineer", body(",\"from\":\"" + from + "\",\"to\":\"" + to + "\"",
                SRE + "," + TWITCHY));

        List<AlertPolicy> candidates = BacktestRequests.candidates(List.of(app.json(SRE, AlertPolicyJson.class),
                app.json(TWITCHY, AlertPolicyJson.class)));
        MinuteCounts counts = planted(from.minus(Duration.ofDays(3)), to, false, false);
        List<BadEpisode> episodes = BadEpisodes.find(counts, 0.999, Duration.ofDays(30), from, to,
                List.of(new BadEpisodes.Incident(BURST, BURST.plus(Duration.ofHours(2)), "payments failing")));
        List<Report> truth = Backtest.run(counts, 0.999, Duration.ofDays(30), from, to, candidates, episodes,
                ReportSettings.DEFAULT);

        assertThat(((Map<String, Object>) result.get("resolution")).get("resolution")).isEqualTo("service-minutes");
        assertThat(((Map<String, Object>) result.get("resolution")).get("minutesMissing")).isEqualTo(0);
        List<Map<String, Object>> apiEpisodes = (List<Map<String, Object>>) result.get("episodes");
        assertThat(apiEpisodes).hasSize(episodes.size()).isNotEmpty();
        assertThat(apiEpisodes.getFirst().get("origin")).isEqualTo(episodes.getFirst().origin().name().toLowerCase());
        List<Map<String, Object>> reports = (List<Map<String, Object>>) result.get("reports");
        assertThat(reports).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Report expected = truth.get(i);
            Map<String, Object> actual = reports.get(i);
            assertThat(actual.get("policy")).isEqualTo(expected.policy());
            assertThat(actual.get("alerts")).isEqualTo(expected.alerts());
            assertThat(actual.get("pages")).isEqualTo(expected.pages());
            assertThat(actual.get("caught")).isEqualTo(expected.caught());
            assertThat(actual.get("missed")).isEqualTo(expected.missed());
            assertThat(actual.get("flaps")).isEqualTo(expected.flaps());
            assertThat(((Number) actual.get("timeFiringSeconds")).longValue()).isEqualTo(expected.timeFiring().toSeconds());
            assertThat(((Number) actual.get("pagesPerWeek")).doubleValue()).isCloseTo(expected.pagesPerWeek(), offset(1e-12));
            List<Map<String, Object>> outcomes = (List<Map<String, Object>>) actual.get("episodes");
            for (int e = 0; e < outcomes.size(); e++) {
                Report.Outcome o = expected.episodes().get(e);
                assertThat(outcomes.get(e).get("caught")).isEqualTo(o.caught());
                assertThat(outcomes.get(e).get("detectionSeconds") == null ? null
                        : ((Number) outcomes.get(e).get("detectionSeconds")).longValue())
                        .isEqualTo(o.detection() == null ? null : o.detection().toSeconds());
            }
        }
        assertThat(truth.getFirst().caught()).as("the SRE workbook catches the burst").isEqualTo(1);
        assertThat(truth.get(1).alerts()).as("a 5-minute window at 2x fires on it too").isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_quiet_range_answers_empty_lists_not_absent_ones() {
        HttpResponse<String> response = app.send("POST", "/api/v1/alerts/backtest", body(",\"from\":\"2026-11-12T00:00:00Z\","
                + "\"to\":\"2026-11-14T00:00:00Z\"", SRE), RunningApp.basic("engineer"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> result = app.jsonMap(response.body());
        assertThat(result).containsEntry("episodes", List.of());
        Map<String, Object> report = ((List<Map<String, Object>>) result.get("reports")).getFirst();
        assertThat(report).containsEntry("alerts", 0).containsEntry("episodes", List.of()).doesNotContainKey("precision")
                .doesNotContainKey("recall");
        assertThat((List<Map<String, Object>>) report.get("rules")).isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("firings", List.of()));
        Map<String, Object> chart = (Map<String, Object>) result.get("chart");
        assertThat(chart).containsEntry("incidents", List.of());
        assertThat((List<Map<String, Object>>) chart.get("bands")).allSatisfy(b -> assertThat(b).containsEntry("firings", List.of()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void one_customer_is_replayed_on_its_own_raw_minutes() {
        Instant from = Instant.parse("2026-10-25T00:00:00Z");
        Instant to = Instant.parse("2026-11-19T00:00:00Z");
        Map<String, Object> result = backtest("admin", body(",\"customer\":\"acme\",\"from\":\"" + from + "\",\"to\":\""
                + to + "\"", TWITCHY));

        MinuteCounts counts = planted(from.minus(Duration.ofMinutes(5)), to, false, true);
        List<AlertPolicy> candidates = BacktestRequests.candidates(List.of(app.json(TWITCHY, AlertPolicyJson.class)));
        List<Report> truth = Backtest.run(counts, 0.999, Duration.ofDays(30), from, to, candidates,
                BadEpisodes.find(counts, 0.999, Duration.ofDays(30), from, to,
                        List.of(new BadEpisodes.Incident(BURST, BURST.plus(Duration.ofHours(2)), "payments failing"))),
                ReportSettings.DEFAULT);

        assertThat(result.get("customer")).isEqualTo("acme");
        assertThat(((Map<String, Object>) result.get("resolution")).get("resolution")).isEqualTo("customer-minutes");
        Map<String, Object> report = ((List<Map<String, Object>>) result.get("reports")).getFirst();
        assertThat(report.get("alerts")).isEqualTo(truth.getFirst().alerts());
        assertThat(((Number) report.get("timeFiringSeconds")).longValue())
                .isEqualTo(truth.getFirst().timeFiring().toSeconds());
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_latency_objective_replays_the_requests_slower_than_its_threshold() {
        Instant from = Instant.parse("2026-11-05T00:00:00Z");
        Instant to = Instant.parse("2026-11-15T00:00:00Z");
        String slowOneHour = "{\"name\":\"hour\",\"rules\":[{\"name\":\"page\",\"severity\":\"page\",\"longWindow\":\"1h\","
                + "\"factor\":1.5}]}";
        Map<String, Object> result = backtest("engineer", "{\"service\":\"checkout\",\"objective\":\"latency\",\"from\":\""
                + from + "\",\"to\":\"" + to + "\",\"candidates\":[" + slowOneHour + "]}");

        Map<String, Object> report = ((List<Map<String, Object>>) result.get("reports")).getFirst();
        List<Map<String, Object>> firings = (List<Map<String, Object>>) ((List<Map<String, Object>>) report.get("rules"))
                .getFirst().get("firings");
        // a burn of 2 from 00:00 on the slow day: the 1h window is above 1.5 from 00:46 (46 of its 60 minutes slow:
        // 1.53) until 00:15 the next day (45 of 60 slow: 1.5, not above)
        assertThat(firings).singleElement().satisfies(f -> {
            assertThat(f.get("fired")).isEqualTo("2026-11-10T00:46:00Z");
            assertThat(f.get("resolved")).isEqualTo("2026-11-11T00:15:00Z");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_chart_has_each_distinct_window_at_most_2000_points_the_thresholds_bands_and_incidents() {
        Map<String, Object> result = backtest("engineer", body(",\"from\":\"2026-10-25T00:00:00Z\"", SRE + "," + TWITCHY));

        Map<String, Object> chart = (Map<String, Object>) result.get("chart");
        List<Object> times = (List<Object>) chart.get("times");
        assertThat(times).hasSizeLessThanOrEqualTo(2000).hasSizeGreaterThan(1000);
        List<Map<String, Object>> windows = (List<Map<String, Object>>) chart.get("windows");
        assertThat(windows).extracting(w -> w.get("window")).containsExactly("5m", "30m", "1h", "6h", "3d");
        assertThat(windows).allSatisfy(w -> assertThat((List<Object>) w.get("burn")).hasSameSizeAs(times));
        double peak = ((List<Object>) windows.getFirst().get("burn")).stream().filter(java.util.Objects::nonNull)
                .mapToDouble(b -> ((Number) b).doubleValue()).max().orElseThrow();
        assertThat(peak).as("5m during the burst: 2.5% errors against 0.1% allowed").isCloseTo(25, offset(1e-9));
        assertThat((List<Object>) chart.get("thresholds")).hasSize(4);
        assertThat((List<Object>) chart.get("bands")).hasSize(4);
        assertThat((List<Map<String, Object>>) chart.get("incidents")).singleElement()
                .satisfies(m -> assertThat(m.get("text")).isEqualTo("payments failing"));
        assertThat(((Map<String, Object>) result.get("period")).get("to")).as("to defaults to the current minute")
                .isEqualTo(RunningApp.NOW.toString());
    }
}
