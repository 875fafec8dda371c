package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Service page's charts (real ECharts in Chromium) against /api/v1/trends for the same service and days, and its
 * "what this policy would have fired last month" against /api/v1/alerts/backtest for the same month and saved policy.
 */
class ServiceBrowserTest extends PlantedPlatformPages {

    /** Minutes of search planted in October (the app's last month): two customers, a burst of errors on the 20th. */
    private static final Instant MINUTES_FROM = Instant.parse("2026-10-12T00:00:00Z");
    private static final Instant MINUTES_TO = Instant.parse("2026-10-27T00:00:00Z");
    private static final Instant BURST = Instant.parse("2026-10-20T14:00:00Z");
    private static int days;

    @BeforeAll
    static void plantMinutes(TestDatabase db) {
        Clock clock = Clock.fixed(RunningApp.NOW, ZoneOffset.UTC);
        List<TelemetryMinute> minutes = new ArrayList<>();
        List<Double> fast = new ArrayList<>(java.util.Collections.nCopies(PlantedPlatform.LE.size(), 0.0));
        fast.set(0, 100.0);
        for (Instant m = MINUTES_FROM; m.isBefore(MINUTES_TO); m = m.plus(1, ChronoUnit.MINUTES)) {
            boolean burst = !m.isBefore(BURST) && m.isBefore(BURST.plus(90, ChronoUnit.MINUTES));
            for (String customer : List.of("big", "c1")) {
                minutes.add(new TelemetryMinute("search", customer, "prometheus", m, 100, burst ? 3 : 0,
                        PlantedPlatform.LE, fast, true));
            }
        }
        new TelemetryStore(db.clickHouse(), clock).insert(minutes);
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        for (Instant day = MINUTES_FROM; day.isBefore(MINUTES_TO); day = day.plus(1, ChronoUnit.DAYS)) {
            rollups.rollUpHours(day, day.plus(1, ChronoUnit.DAYS));
        }
        rollups.rollUpDays(MINUTES_FROM, MINUTES_TO);
        for (String incident : List.of(
                "{\"kind\":\"incident\",\"service\":\"search\",\"text\":\"errors after a deploy\","
                        + "\"start\":\"2026-10-20T14:00:00Z\",\"end\":\"2026-10-20T16:00:00Z\"}",
                "{\"kind\":\"incident\",\"service\":\"search\",\"text\":\"slow in one region\","
                        + "\"start\":\"2026-10-15T03:00:00Z\",\"end\":\"2026-10-15T04:00:00Z\"}")) {
            var posted = app.send("POST", "/api/v1/annotations", incident, RunningApp.basic("pm"));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        }
    }

    @BeforeAll
    static void annotate() {
        // from the planted platform's first day to the app's today
        days = (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(PlantedPlatform.START, ZoneOffset.UTC),
                LocalDate.now(app.bean(java.time.Clock.class))) + 1;
        var posted = app.send("POST", "/api/v1/annotations", "{\"kind\":\"deploy\",\"service\":\"search\",\"text\":\"v2.3\","
                + "\"time\":\"" + PlantedPlatform.START.plus(2, ChronoUnit.DAYS) + "\"}", RunningApp.basic("pm"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_p95_chart_draws_the_apis_days_with_average_band_and_the_deploy_and_the_ocean_stacks_segments() {
        Map<String, Object> trend = app.jsonMap(app.getAs("engineer", "/api/v1/trends/services/search?days=" + days).body());
        List<Map<String, Object>> apiDays = (List<Map<String, Object>>) trend.get("days");
        assertThat(apiDays).isNotEmpty();

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/services");
        page.locator("a[href='service?name=search']").click();
        assertThat(page).hasURL(app.baseUrl() + "/service?name=search");
        page.navigate(app.baseUrl() + "/service?name=search&days=" + days);
        Locator p95 = page.locator("[data-chart='p95 latency']");
        assertThat(p95).hasAttribute("data-drawn", "true");
        List<Object> drawn = (List<Object>) p95.evaluate("el => echarts.getInstanceByDom(el).getOption().series[0].data");
        List<Object> x = (List<Object>) p95.evaluate("el => echarts.getInstanceByDom(el).getOption().xAxis[0].data");
        // every complete day on the axis, from the first with telemetry to yesterday (today is still running); days
        // without telemetry are gaps
        LocalDate today = LocalDate.now(app.bean(java.time.Clock.class));
        assertThat(x).hasSize(days - 1).endsWith(today.minusDays(1).toString());
        Map<Object, Object> byDay = new java.util.HashMap<>();
        apiDays.forEach(d -> byDay.put(d.get("day"), d.get("p95Seconds")));
        for (int i = 0; i < x.size(); i++) {
            Object seconds = byDay.get(x.get(i));
            if (seconds == null) {
                assertThat(drawn.get(i)).as(x.get(i) + " has no telemetry").isNull();
            } else {
                assertThat(((Number) drawn.get(i)).doubleValue()).isEqualTo(1000 * ((Number) seconds).doubleValue());
            }
        }
        assertThat(byDay).hasSize(apiDays.size());
        List<Object> names = (List<Object>) p95.evaluate("el => echarts.getInstanceByDom(el).getOption().series.map(s => s.name)");
        assertThat(names).contains("p95", "7-day average", "usual range (28 days)");
        Object mark = p95.evaluate("el => echarts.getInstanceByDom(el).getOption().series[0].markLine.data[0].name");
        assertThat(mark).isEqualTo("deploy: v2.3");
        // the latency objective's threshold as a line, inside the y axis
        List<Object> lines = (List<Object>) p95.evaluate(
                "el => echarts.getInstanceByDom(el).getOption().series[0].markLine.data.map(d => d.name + '@' + d.yAxis)");
        assertThat(lines).contains("objective 800 ms@800");
        Number max = (Number) p95.evaluate("el => echarts.getInstanceByDom(el).getOption().yAxis[0].max");
        Number min = (Number) p95.evaluate("el => echarts.getInstanceByDom(el).getOption().yAxis[0].min");
        assertThat(min.doubleValue()).isLessThanOrEqualTo(800.0);
        assertThat(max.doubleValue()).isGreaterThanOrEqualTo(800.0);

        Locator ocean = page.locator("[data-chart='Traffic by customer segment']");
        assertThat(ocean).hasAttribute("data-drawn", "true");
        List<Object> stacks = (List<Object>) ocean.evaluate("el => echarts.getInstanceByDom(el).getOption().series.map(s => s.stack)");
        assertThat(stacks).isNotEmpty().containsOnly("total");
        // the default month (2026-11 at the app's clock) has no telemetry for search: said, not an empty table
        assertThat(page.locator(".view-message")).hasText("No telemetry for search in 2026-11-01 00:00 to 2026-11-20 12:00 UTC.");
        Browser.screenshot(page, "service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_months_customers_are_named_and_come_worst_burn_first_for_an_engineer() {
        // the API's slices of search this month, each with its worst burn over the objectives
        Map<String, Object> api = app.jsonMap(app.getAs("engineer", "/api/v1/figures/slices?service=search&month=2026-10").body());
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("items");
        assertThat(items).hasSizeGreaterThan(1);
        Map<String, Double> worst = new java.util.HashMap<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> f = (Map<String, Object>) item.get("current");
            String customer = ((String) f.get("key")).substring("search/".length());
            worst.put(customer, ((List<Map<String, Object>>) f.getOrDefault("objectives", List.of())).stream()
                    .map(o -> (Number) o.get("burnRate")).filter(java.util.Objects::nonNull)
                    .mapToDouble(Number::doubleValue).max().orElse(Double.NaN));
        }
        String worstCustomer = worst.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, String> names = new java.util.HashMap<>();
        PlantedPlatform.customers().forEach(c -> names.put(c.id(), c.name()));

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/service?name=search&month=2026-10");
        assertThat(page.locator("vaadin-grid.service-customers")).isVisible();
        assertThat(page.locator("h3", new Page.LocatorOptions().setHasText("Customers,")))
                .hasText("Customers, 2026-10, the worst burn first");
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.service-customers", Math.min(3, items.size()));
        assertThat(rows.getFirst().getFirst()).isEqualTo(names.getOrDefault(worstCustomer, "") + worstCustomer);
        assertThat(rows.getFirst().get(1)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1fx", worst.get(worstCustomer)));
        // an engineer sees no money, and no link to a customer page it may not open
        assertThat(page.locator("vaadin-grid.service-customers a.customer-name")).hasCount(0);
        assertThat(page.locator("vaadin-grid.service-customers vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("Revenue at risk"))).hasCount(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void what_the_saved_policy_would_have_fired_last_month_is_the_apis_backtest_of_that_month() {
        List<Map<String, Object>> presets = app.jsonList(app.getAs("engineer",
                "/api/v1/alerts/presets?service=search&objective=availability").body());
        String sre = json(presets.getFirst());
        var saved = app.send("PUT", "/api/v1/alerts/policies/search/availability", sre, RunningApp.basic("engineer"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        Map<String, Object> current = app.jsonMap(app.getAs("engineer", "/api/v1/alerts/policies/search/availability").body());
        var response = app.send("POST", "/api/v1/alerts/backtest", "{\"service\":\"search\",\"objective\":"
                + "\"availability\",\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\","
                + "\"candidates\":[" + json((Map<String, Object>) current.get("policy")) + "]}", RunningApp.basic("engineer"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> backtest = app.jsonMap(response.body());
        Map<String, Object> report = ((List<Map<String, Object>>) backtest.get("reports")).getFirst();
        int episodes = ((List<Object>) backtest.get("episodes")).size();

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/service?name=search");
        Locator replay = page.locator(".policy-replay[data-objective='availability']");
        assertThat(replay).isVisible();
        assertThat(page.locator(".policy-replays h3")).hasText("Alert policies: what they would have fired in 2026-10");
        assertThat(page.locator(".policy-replay")).hasCount(1);   // nothing saved for latency
        for (String figure : List.of("alerts", "pages", "caught", "missed")) {
            assertThat(replay).hasAttribute("data-" + figure, String.valueOf(report.get(figure)));
        }
        assertThat(replay).containsText("of " + episodes + " bad episodes it caught " + report.get("caught"));
        assertThat(replay).containsText("version " + current.get("version") + ", saved by engineer on "
                + ((String) current.get("savedAt")).substring(0, 10));
        // what the month held: the burst paged and was caught; the incident without a burn was missed
        assertThat((Integer) report.get("pages")).isPositive();
        assertThat(report.get("caught")).isEqualTo(1);
        assertThat((Integer) report.get("missed")).isPositive();
        assertThat(replay.locator(".policy-replay-note")).containsText("kept as hours only");
        replay.scrollIntoViewIfNeeded();
        Browser.screenshot(page, "service-policy-replay");
    }

    private static String json(Map<String, Object> value) {
        try {
            return app.bean(io.micronaut.json.JsonMapper.class).writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void an_unknown_service_says_so() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/service?name=nope");
        assertThat(page.locator(".view-message")).containsText("No service named 'nope'");
    }
}
