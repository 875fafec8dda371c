package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Service page's charts (real ECharts in Chromium) against /api/v1/trends for the same service and days. */
class ServiceBrowserTest extends PlantedPlatformPages {

    private static int days;

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
        assertThat(x).hasSize(days);   // every day on the axis; days without telemetry are gaps
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

        Locator ocean = page.locator("[data-chart='Traffic by customer segment']");
        assertThat(ocean).hasAttribute("data-drawn", "true");
        List<Object> stacks = (List<Object>) ocean.evaluate("el => echarts.getInstanceByDom(el).getOption().series.map(s => s.stack)");
        assertThat(stacks).isNotEmpty().containsOnly("total");
        assertThat(page.locator("vaadin-grid.service-customers")).isVisible();
        Browser.screenshot(page, "service");
    }

    @Test
    void an_unknown_service_says_so() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/service?name=nope");
        assertThat(page.locator(".view-message")).containsText("No service named 'nope'");
    }
}
