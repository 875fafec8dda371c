package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.api.ApiError;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.alerts.ReportText;
import dev.plumbline.sql.alerts.BadEpisode;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alerts page (real Chromium, real ECharts) against {@code POST /api/v1/alerts/backtest} for the same request:
 * every cell of the report grid, every episode's outcome per candidate, and the chart's series, thresholds, lanes and
 * incidents as ECharts holds them. Two weeks of search minutes are planted at fixed instants before the app's clock
 * (2026-11-20 12:00): a sharp burst during an annotated incident, a slow 48-hour burn, an incident without any burn,
 * and pairs of stray errors every few hours that page a twitchy candidate (a 5m window at 1x).
 */
class AlertsBrowserTest extends PlantedPlatformPages {

    private static final Instant FROM = Instant.parse("2026-11-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant BURST = Instant.parse("2026-11-10T14:00:00Z");
    private static final Instant SLOW = Instant.parse("2026-11-14T00:00:00Z");
    /** Minutes of each day (UTC) with two stray errors: 00:17, 06:17, 12:17, 12:37 (a flap), 18:17. */
    private static final List<Integer> STRAY = List.of(17, 377, 737, 757, 1097);
    private static final String TWITCHY = "twitchy:page,page,5m,,1,0m,0m,0";
    private static final String URL = "/alerts?service=search&objective=availability&from=" + FROM + "&to=" + TO
            + "&candidate=" + TWITCHY + "&zone=Europe/Berlin&start=08:00&end=18:00&cooldown=45m";

    @BeforeAll
    static void plantMinutes(TestDatabase db) {
        Clock clock = Clock.fixed(RunningApp.NOW, ZoneOffset.UTC);
        List<Double> fast = new ArrayList<>(Collections.nCopies(PlantedPlatform.LE.size(), 0.0));
        fast.set(0, 100.0);
        List<TelemetryMinute> minutes = new ArrayList<>();
        for (Instant m = FROM; m.isBefore(TO); m = m.plus(1, ChronoUnit.MINUTES)) {
            boolean burst = !m.isBefore(BURST) && m.isBefore(BURST.plus(60, ChronoUnit.MINUTES));
            boolean slow = !m.isBefore(SLOW) && m.isBefore(SLOW.plus(48, ChronoUnit.HOURS));
            boolean stray = STRAY.contains((int) (Duration.between(FROM, m).toMinutes() % 1440));
            for (String customer : List.of("big", "c1")) {
                // per customer and minute of 100 requests: 5 failing in the burst, 1 in 4 minutes of the slow burn
                double errors = burst ? 5 : slow ? (m.getEpochSecond() / 60 % 4 == 0 ? 1 : 0)
                        : stray && customer.equals("c1") ? 2 : 0;
                minutes.add(new TelemetryMinute("search", customer, "prometheus", m, 100, errors, PlantedPlatform.LE,
                        fast, true));
            }
        }
        new TelemetryStore(db.clickHouse(), clock).insert(minutes);
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        for (Instant day = FROM; day.isBefore(TO); day = day.plus(1, ChronoUnit.DAYS)) {
            rollups.rollUpHours(day, day.plus(1, ChronoUnit.DAYS));
        }
        for (String incident : List.of(
                "{\"kind\":\"incident\",\"service\":\"search\",\"text\":\"errors after a deploy\","
                        + "\"start\":\"2026-11-10T14:00:00Z\",\"end\":\"2026-11-10T15:30:00Z\"}",
                "{\"kind\":\"incident\",\"service\":\"search\",\"text\":\"slow in one region\","
                        + "\"start\":\"2026-11-17T03:00:00Z\",\"end\":\"2026-11-17T04:00:00Z\"}")) {
            var posted = app.send("POST", "/api/v1/annotations", incident, RunningApp.basic("pm"));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        }
    }

    /** The API's backtest for what {@link #URL} asks: every preset of the objective, then twitchy. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> apiBacktest(String cooldown, List<Map<String, Object>> extra) {
        List<Map<String, Object>> candidates = new ArrayList<>(app.jsonList(app.getAs("engineer",
                "/api/v1/alerts/presets?service=search&objective=availability").body()));
        candidates.add(Map.of("name", "twitchy", "rules", List.of(Map.of("name", "page", "severity", "page",
                "longWindow", "5m", "factor", 1, "forDuration", "0m", "keepFiringFor", "0m", "minRequests", 0))));
        candidates.addAll(extra);
        var response = app.send("POST", "/api/v1/alerts/backtest", json(Map.of("service", "search",
                "objective", "availability", "from", FROM.toString(), "to", TO.toString(), "candidates", candidates,
                "businessHours", Map.of("zone", "Europe/Berlin", "start", "08:00", "end", "18:00"),
                "cooldown", cooldown)), RunningApp.basic("engineer"));
        Map<String, Object> body = app.jsonMap(response.body());
        body.put("status", response.statusCode());
        return body;
    }

    private static Page engineerAt(String path) {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + path);
        assertThat(page.locator(".alerts-report")).isVisible();
        return page;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_cell_of_the_report_and_every_outcome_of_an_episode_is_the_apis_backtest_of_the_same_request() {
        Map<String, Object> api = apiBacktest("45m", List.of());
        assertThat(api.get("status")).as(api.toString()).isEqualTo(200);
        List<Map<String, Object>> reports = (List<Map<String, Object>>) api.get("reports");
        List<Map<String, Object>> episodes = (List<Map<String, Object>>) api.get("episodes");
        // what the planted history holds, so the comparison below compares something
        assertThat(reports).extracting(r -> r.get("policy")).containsExactly("sre-workbook", "pyrra", "single-window",
                "twitchy");
        assertThat(episodes).extracting(e -> e.get("origin")).containsExactly("both", "burn", "incident");
        Map<String, Object> twitchy = reports.getLast();
        assertThat((Integer) twitchy.get("pages")).isGreaterThan(40);
        assertThat((Integer) twitchy.get("pagesOffHours")).isPositive();
        assertThat((Integer) twitchy.get("flaps")).isPositive();
        assertThat((Integer) reports.getFirst().get("caught")).isEqualTo(2);

        Page page = engineerAt(URL);
        assertThat(page.locator(".alerts-resolution")).hasText((String) ((Map<String, Object>) api.get("resolution")).get("note"));
        assertThat(page.locator(".alerts-period")).containsText((String) ((Map<String, Object>) api.get("period")).get("label"));
        assertThat(page.locator(".alerts-counting")).containsText("08:00-18:00 Europe/Berlin");
        assertThat(page.locator(".alerts-report .alerts-candidate")).hasCount(reports.size());
        for (Map<String, Object> r : reports) {
            String name = (String) r.get("policy");
            List<Map<String, Object>> outcomes = (List<Map<String, Object>>) r.get("episodes");
            figure(page, name, "alerts", String.valueOf(r.get("alerts")), String.valueOf(r.get("alerts")));
            figure(page, name, "pages", String.valueOf(r.get("pages")), String.valueOf(r.get("pages")));
            double perWeek = ((Number) r.get("pagesPerWeek")).doubleValue();
            assertThat(Double.parseDouble(cell(page, name, "pagesPerWeek").getAttribute("data-value"))).isEqualTo(perWeek);
            assertThat(cell(page, name, "pagesPerWeek")).hasText(ReportText.perWeek(perWeek));
            figure(page, name, "pagesOffHours", String.valueOf(r.get("pagesOffHours")), String.valueOf(r.get("pagesOffHours")));
            long firing = ((Number) r.get("timeFiringSeconds")).longValue();
            figure(page, name, "timeFiring", Long.toString(firing), ReportText.duration(Duration.ofSeconds(firing)));
            figure(page, name, "flaps", String.valueOf(r.get("flaps")), String.valueOf(r.get("flaps")));
            figure(page, name, "caughtMissed", r.get("caught") + "/" + r.get("missed"), r.get("caught") + " / " + r.get("missed"));
            figure(page, name, "detection", perEpisode(outcomes, "detectionSeconds"),
                    perEpisodeText(outcomes, o -> ReportText.duration(Duration.ofSeconds(((Number) o.get("detectionSeconds")).longValue()))));
            assertThat(cell(page, name, "budgetBeforeFiring")).hasText(perEpisodeText(outcomes,
                    o -> ReportText.share(((Number) o.get("budgetBeforeFiring")).doubleValue(), 1)));
            assertThat(doubles(cell(page, name, "budgetBeforeFiring").getAttribute("data-value")))
                    .isEqualTo(outcomes.stream().map(o -> o.get("budgetBeforeFiring") == null ? null
                            : ((Number) o.get("budgetBeforeFiring")).doubleValue()).toList());
            figure(page, name, "reset", perEpisode(outcomes, "resetSeconds"), perEpisodeText(outcomes,
                    o -> o.get("resetSeconds") == null ? "still firing"
                            : ReportText.duration(Duration.ofSeconds(((Number) o.get("resetSeconds")).longValue()))));
            share(page, name, "precision", r.get("precision"), 0);
            share(page, name, "recall", r.get("recall"), 0);
            for (Map<String, Object> o : outcomes) {
                int number = ((Number) o.get("episode")).intValue() + 1;
                Locator outcome = page.locator(".alerts-episodes [data-candidate='" + name + "'][data-episode='" + number + "']");
                assertThat(outcome).hasAttribute("data-caught", String.valueOf(o.get("caught")));
                assertThat(outcome).hasAttribute("data-detection", o.get("detectionSeconds") == null ? "" : String.valueOf(o.get("detectionSeconds")));
                assertThat(outcome).hasAttribute("data-reset", o.get("resetSeconds") == null ? "" : String.valueOf(o.get("resetSeconds")));
                String budget = outcome.getAttribute("data-budget");
                assertThat(budget.isEmpty() ? null : Double.valueOf(budget)).isEqualTo(o.get("budgetBeforeFiring") == null
                        ? null : ((Number) o.get("budgetBeforeFiring")).doubleValue());
                assertThat(outcome).hasText((Boolean) o.get("caught") ? "caught after " + ReportText.duration(
                        Duration.ofSeconds(((Number) o.get("detectionSeconds")).longValue())) + " (" + ReportText.share(
                        ((Number) o.get("budgetBeforeFiring")).doubleValue(), 1) + " of the budget), reset "
                        + (o.get("resetSeconds") == null ? "still firing" : ReportText.duration(Duration.ofSeconds(
                        ((Number) o.get("resetSeconds")).longValue()))) : "missed");
            }
        }
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.alerts-episodes", episodes.size());
        assertThat(rows).hasSize(episodes.size());
        for (int i = 0; i < episodes.size(); i++) {
            Map<String, Object> e = episodes.get(i);
            assertThat(rows.get(i).subList(0, 6)).containsExactly("#" + (i + 1),
                    ReportText.minute(Instant.parse((String) e.get("start"))), ReportText.minute(Instant.parse((String) e.get("end"))),
                    ReportText.origin(BadEpisode.Origin.valueOf(((String) e.get("origin")).toUpperCase(java.util.Locale.ROOT))),
                    (String) e.get("text"), ReportText.share(((Number) e.get("budgetBurned")).doubleValue(), 1));
        }
        Browser.screenshot(page, "alerts-1366x900");
        page.setViewportSize(1920, 1080);
        Browser.screenshot(page, "alerts-1920x1080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_chart_draws_the_apis_series_thresholds_firings_and_incidents() {
        Map<String, Object> api = apiBacktest("45m", List.of());
        Map<String, Object> chart = (Map<String, Object>) api.get("chart");
        List<Instant> times = ((List<String>) chart.get("times")).stream().map(Instant::parse).toList();
        assertThat(times).hasSizeGreaterThan(1000);

        Page page = engineerAt(URL);
        Locator drawn = page.locator("[data-chart='Burn rate by window']");
        assertThat(drawn).hasAttribute("data-drawn", "true");
        List<Map<String, Object>> series = (List<Map<String, Object>>) drawn.evaluate(
                "el => echarts.getInstanceByDom(el).getOption().series");
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        series.forEach(s -> byName.put((String) s.get("name"), s));
        List<Map<String, Object>> windows = (List<Map<String, Object>>) chart.get("windows");
        assertThat(windows).extracting(w -> w.get("window")).containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d", "4d");
        for (Map<String, Object> w : windows) {
            List<List<Object>> points = (List<List<Object>>) byName.get((String) w.get("window")).get("data");
            List<Object> burn = (List<Object>) w.get("burn");
            assertThat(points).hasSize(times.size());
            for (int i = 0; i < times.size(); i++) {
                assertThat(Instant.parse((String) points.get(i).get(0))).isEqualTo(times.get(i));
                assertThat(number(points.get(i).get(1))).as(w.get("window") + " at " + times.get(i)).isEqualTo(number(burn.get(i)));
            }
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) byName.get("thresholds")
                .get("markLine")).get("data");
        List<Map<String, Object>> thresholds = (List<Map<String, Object>>) chart.get("thresholds");
        assertThat(lines.stream().map(l -> number(l.get("yAxis"))).toList()).containsExactlyInAnyOrderElementsOf(
                thresholds.stream().map(t -> number(t.get("factor"))).distinct().toList());
        for (Map<String, Object> t : thresholds) {
            assertThat(lines).anySatisfy(l -> {
                assertThat(number(l.get("yAxis"))).isEqualTo(number(t.get("factor")));
                assertThat((String) l.get("name")).contains(t.get("policy") + " " + t.get("rule"));
            });
        }
        Instant to = Instant.parse((String) ((Map<String, Object>) api.get("period")).get("to"));
        List<Map<String, Object>> bands = (List<Map<String, Object>>) chart.get("bands");
        assertThat(bands).hasSize(3 + 4 + 1 + 1);
        for (Map<String, Object> b : bands) {
            Map<String, Object> lane = byName.get(b.get("policy") + " · " + b.get("rule"));
            List<Map<String, Object>> firings = (List<Map<String, Object>>) b.get("firings");
            List<List<Object>> starts = (List<List<Object>>) lane.get("data");
            List<List<Map<String, Object>>> areas = (List<List<Map<String, Object>>>) ((Map<String, Object>) lane
                    .get("markArea")).get("data");
            assertThat(starts).hasSize(firings.size());
            for (int i = 0; i < firings.size(); i++) {
                assertThat(Instant.parse((String) starts.get(i).get(0))).isEqualTo(Instant.parse((String) firings.get(i).get("fired")));
                assertThat(Instant.parse((String) areas.get(i).get(1).get("xAxis"))).isEqualTo(firings.get(i).get("resolved") == null
                        ? to : Instant.parse((String) firings.get(i).get("resolved")));
            }
        }
        List<Map<String, Object>> marks = (List<Map<String, Object>>) ((Map<String, Object>) byName.get("incidents")
                .get("markLine")).get("data");
        assertThat(marks.stream().map(m -> Instant.parse((String) m.get("xAxis"))).toList()).isEqualTo(
                ((List<Map<String, Object>>) chart.get("incidents")).stream().map(i -> Instant.parse((String) i.get("start"))).toList());
        assertThat(marks).extracting(m -> m.get("name")).containsExactly("incident: errors after a deploy",
                "incident: slow in one region");
    }

    @Test
    @SuppressWarnings("unchecked")
    void saving_a_candidate_shows_it_as_saved_and_the_api_returns_it_as_the_objectives_policy() {
        Page page = engineerAt(URL);
        page.locator(".alerts-candidate-actions[data-candidate='twitchy'] .alerts-save").click();
        Locator badge = page.locator(".alerts-candidate-actions[data-candidate='twitchy'] .alerts-saved-badge");
        assertThat(badge).isVisible();
        Map<String, Object> saved = app.jsonMap(app.getAs("engineer", "/api/v1/alerts/policies/search/availability").body());
        assertThat(badge).hasText("saved policy, version " + saved.get("version"));
        assertThat(saved.get("savedBy")).isEqualTo("engineer");
        Map<String, Object> policy = (Map<String, Object>) saved.get("policy");
        assertThat(policy.get("name")).isEqualTo("twitchy");
        Map<String, Object> rule = ((List<Map<String, Object>>) policy.get("rules")).getFirst();
        assertThat(rule).containsEntry("longWindow", "5m").containsEntry("severity", "page");
        assertThat(number(rule.get("factor"))).isEqualTo(1.0);
        assertThat(rule.get("shortWindow")).isNull();
        assertThat(page.locator(".alerts-saved-line")).containsText("twitchy, version " + saved.get("version")
                + ", saved by engineer at " + ReportText.minute(Instant.parse((String) saved.get("savedAt"))));
        assertThat(page.locator(".alerts-candidate-actions[data-candidate='sre-workbook'] .alerts-save"))
                .hasText("Save as policy");
        // a link shows the same: the saved badge is there again
        page.navigate(app.baseUrl() + URL);
        assertThat(page.locator(".alerts-candidate-actions[data-candidate='twitchy'] .alerts-saved-badge")).isVisible();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_rule_the_api_refuses_shows_its_message_naming_the_field_and_stays_in_the_editor() {
        Map<String, Object> api = apiBacktest("45m", List.of(Map.of("name", "broken", "rules", List.of(Map.of(
                "name", "page", "severity", "page", "longWindow", "5m", "factor", -1)))));
        assertThat(api.get("status")).isEqualTo(400);
        String refusal = (String) api.get("message");
        assertThat(refusal).startsWith("candidates[4].rules[0].factor: ");

        Page page = engineerAt(URL);
        page.locator(".alerts-editor-box vaadin-details-summary").click();
        Locator rule = page.locator(".alerts-editor-rule").first();
        page.locator(".alerts-editor > vaadin-text-field input").fill("broken");
        rule.locator("vaadin-text-field[data-label='Factor'] input").fill("-1");
        page.locator(".alerts-add-candidate").click();
        assertThat(page.locator(".view-message")).hasText(refusal);
        assertThat(rule.locator("vaadin-text-field[data-label='Factor']")).hasAttribute("invalid", "");
        assertThat(page.locator(".alerts-custom-candidate")).hasCount(1);   // twitchy only
        assertThat(page.locator(".alerts-report")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("^(?!.*broken).*$"));

        Map<String, Object> cooldown = apiBacktest("soon", List.of());
        assertThat(cooldown.get("status")).isEqualTo(400);
        page.navigate(app.baseUrl() + URL.replace("cooldown=45m", "cooldown=soon"));
        assertThat(page.locator(".view-message")).hasText((String) cooldown.get("message"));
        assertThat(page.locator(".alerts-result")).isHidden();
        Browser.screenshot(page, "alerts-refused");
    }

    @Test
    void a_candidates_exports_are_the_export_apis_files_for_the_same_policy_and_a_refusal_says_why() throws Exception {
        for (String objective : List.of("availability", "latency")) {
            Map<String, Object> sre = app.jsonList(app.getAs("engineer",
                    "/api/v1/alerts/presets?service=search&objective=" + objective).body()).getFirst();
            assertThat(sre.get("name")).isEqualTo("sre-workbook");
            Page page = engineerAt(URL.replace("objective=availability", "objective=" + objective));
            page.locator(".alerts-candidate-actions[data-candidate='sre-workbook'] .alerts-export-open").click();
            assertThat(page.locator(".alerts-export")).hasCount(4);
            for (String kind : List.of("prometheus", "promtool-test", "datadog", "openslo")) {
                var api = app.send("POST", "/api/v1/alerts/export/" + kind, json(Map.of("service", "search",
                        "objective", objective, "policy", sre)), RunningApp.basic("engineer"));
                Locator row = page.locator(".alerts-export[data-kind='" + kind + "']");
                if (api.statusCode() == 400) {
                    assertThat(row.locator(".alerts-export-refusal")).hasText(app.json(api.body(), ApiError.class).message());
                    assertThat(row.locator("a")).hasCount(0);
                    continue;
                }
                assertThat(api.statusCode()).as(kind + ": " + api.body()).isEqualTo(200);
                String disposition = api.headers().firstValue("Content-Disposition").orElseThrow();
                Locator file = row.locator("a.alerts-export-file");
                assertThat(disposition).isEqualTo("attachment; filename=\"" + file.textContent() + "\"");
                Download download = page.waitForDownload(file::click);
                assertThat(download.suggestedFilename()).isEqualTo(file.textContent());
                assertThat(java.nio.file.Files.readString(download.path())).as(kind).isEqualTo(api.body());
            }
            if (objective.equals("availability")) {
                assertThat(page.locator(".alerts-export-preview")).containsText("ErrorBudgetBurn_page_1h");
                Browser.screenshot(page, "alerts-export");
            } else {
                assertThat(page.locator(".alerts-export[data-kind='datadog'] .alerts-export-refusal")).isVisible();
            }
            page.close();
        }
    }

    @Test
    void an_engineer_finds_the_page_in_the_navigation_and_an_exec_gets_the_403_page() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/services");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Alerts")).click();
        assertThat(page.locator(".alerts-report")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/alerts\\?service=billing&objective=availability$"));

        Page exec = browser.newPage();
        Browser.signIn(exec, app.baseUrl(), "exec", RunningApp.PASSWORD);
        assertThat(exec.navigate(app.baseUrl() + URL).status()).isEqualTo(403);
        assertThat(exec.locator(".access-denied-view")).containsText("Access denied");
        assertThat(exec.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Alerts"))).hasCount(0);
    }

    private static Locator cell(Page page, String candidate, String figure) {
        return page.locator(".alerts-report [data-candidate='" + candidate + "'][data-figure='" + figure + "']");
    }

    private static void figure(Page page, String candidate, String figure, String value, String text) {
        Locator cell = cell(page, candidate, figure);
        assertThat(cell).hasAttribute("data-value", value);
        assertThat(cell).hasText(text);
    }

    private static void share(Page page, String candidate, String figure, Object apiValue, int decimals) {
        Locator cell = cell(page, candidate, figure);
        String value = cell.getAttribute("data-value");
        assertThat(value.isEmpty() ? null : Double.valueOf(value)).isEqualTo(apiValue == null ? null
                : ((Number) apiValue).doubleValue());
        assertThat(cell).hasText(ReportText.share(apiValue == null ? null : ((Number) apiValue).doubleValue(), decimals));
    }

    /** One entry per episode, empty when missed: as the page writes its data-value. */
    private static String perEpisode(List<Map<String, Object>> outcomes, String key) {
        return String.join(",", outcomes.stream().map(o -> (Boolean) o.get("caught") && o.get(key) != null
                ? String.valueOf(o.get(key)) : "").toList());
    }

    /** "#1 5m" per caught episode, one a line; "–" when none was caught. */
    private static String perEpisodeText(List<Map<String, Object>> outcomes,
                                         java.util.function.Function<Map<String, Object>, String> text) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> o : outcomes) {
            if ((Boolean) o.get("caught")) {
                lines.add("#" + (((Number) o.get("episode")).intValue() + 1) + " " + text.apply(o));
            }
        }
        return lines.isEmpty() ? "–" : String.join("\n", lines);
    }

    private static List<Double> doubles(String csv) {
        return java.util.Arrays.stream(csv.split(",", -1)).map(s -> s.isEmpty() ? null : Double.valueOf(s)).toList();
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static String json(Object value) {
        try {
            return app.bean(io.micronaut.json.JsonMapper.class).writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
