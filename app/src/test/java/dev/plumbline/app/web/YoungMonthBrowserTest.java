package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Early in a month the pages and the API show the last complete month by default (plumbline.periods.young-month-days,
 * 7), and the header says so: the planted platform (October 2026) with the app's clock on 2026-11-03 08:00.
 */
@ExtendWith(ClickHouseExtension.class)
class YoungMonthBrowserTest {

    static final Instant EARLY = Instant.parse("2026-11-03T08:00:00Z");
    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of("plumbline.clock.start", EARLY.toString()));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void without_a_month_the_summary_and_review_show_the_last_complete_month_as_the_api_does_and_say_why() {
        Map<String, Object> api = app.jsonMap(app.getAs("exec", "/api/v1/summary").body());
        assertThat(((Map<?, ?>) api.get("period")).get("label")).isEqualTo("2026-10");

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/summary");
        assertThat(page.locator(".summary-period")).hasText(
                "2026-10 (the last complete month: 2026-11 has run 2 days), compared with 2026-09: no telemetry then, so no changes to show");
        assertThat(page.locator("[data-figure=availability] .card-value")).hasText(String.format(java.util.Locale.ROOT,
                "%.3f%%", 100 * ((Number) api.get("availability")).doubleValue()));
        assertThat(page.locator("vaadin-select.filter-month")).containsText("2026-10");
        Browser.screenshot(page, "summary-young-month");

        page.navigate(app.baseUrl() + "/review");
        assertThat(page.locator(".review-period")).hasText(
                "2026-10 (the last complete month: 2026-11 has run 2 days), compared with 2026-09: no telemetry then, so no changes to show");

        page.navigate(app.baseUrl() + "/summary?month=2026-11");
        assertThat(page.locator(".summary-period")).containsText("2026-11-01 00:00 to 2026-11-03 08:00 UTC, compared with");
    }
}
