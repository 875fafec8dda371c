package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page's URL and an API call name the same month, however old: the planted platform (October 2026) with the app's
 * clock in December 2027, so October 2026 is older than the year the month picker lists. The Summary, Review and ROI
 * pages show that month, equal to the API's, and the picker offers it; a month the API refuses is refused on the page
 * with the API's own message, and no figures of another period are shown.
 */
@ExtendWith(ClickHouseExtension.class)
class MonthLinksBrowserTest {

    static final Instant LATER = Instant.parse("2027-12-20T12:00:00Z");
    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of("plumbline.clock.start", LATER.toString()));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    private Page signedIn(String role) {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), role, RunningApp.PASSWORD);
        return page;
    }

    @Test
    void a_summary_link_to_a_month_older_than_a_year_shows_that_months_figures_as_the_api_does() {
        Map<String, Object> api = app.jsonMap(app.getAs("exec", "/api/v1/summary?month=2026-10").body());
        assertThat(((Map<?, ?>) api.get("period")).get("label")).isEqualTo("2026-10");

        Page page = signedIn("exec");
        page.navigate(app.baseUrl() + "/summary?month=2026-10");
        assertThat(page.locator(".summary-period")).hasText("2026-10, compared with 2026-09: no telemetry then, so no changes to show");
        assertThat(page.locator("[data-figure=availability] .card-value")).hasText(String.format(Locale.ROOT, "%.3f%%",
                100 * ((Number) api.get("availability")).doubleValue()));
        assertThat(page.locator("[data-figure=arr-inside-objectives] .card-value")).hasText(String.format(Locale.ROOT,
                "%.1f%%", 100 * ((Number) api.get("arrInsideObjectives")).doubleValue()));
        Locator picker = page.locator("vaadin-select.filter-month");
        assertThat(picker).containsText("2026-10");
        Browser.screenshot(page, "summary-month-older-than-a-year");
        picker.click();
        Locator items = page.locator("vaadin-select-list-box vaadin-select-item");
        // this month to date and the months with telemetry: none of the fourteen months between has any
        assertThat(items).hasText(new String[] {"2027-12 (to date)", "2026-10"});
    }

    @Test
    @SuppressWarnings("unchecked")
    void review_and_roi_links_to_an_old_month_show_the_apis_rows_for_it() {
        List<Map<String, Object>> services = (List<Map<String, Object>>) app.jsonMap(
                app.getAs("pm", "/api/v1/figures/services?month=2026-10").body()).get("items");
        assertThat(services).isNotEmpty();
        Page review = signedIn("pm");
        review.navigate(app.baseUrl() + "/review?month=2026-10");
        assertThat(review.locator(".review-period")).hasText("2026-10, compared with 2026-09: no telemetry then, so no changes to show");
        Locator cells = review.locator("vaadin-grid.review-services vaadin-grid-cell-content");
        for (Map<String, Object> item : services) {
            Map<String, Object> f = (Map<String, Object>) item.get("current");
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(String.format(Locale.ROOT, "%,.0f",
                    ((Number) f.get("requests")).doubleValue()))).first()).isVisible();
        }
        assertThat(review.locator("a.export-csv")).hasAttribute("href", "api/v1/figures/services.csv?month=2026-10");

        long ranked = ((Number) app.jsonMap(app.getAs("pm", "/api/v1/rankings/slices?month=2026-10&limit=1").body())
                .get("total")).longValue();
        assertThat(ranked).isPositive();
        Page roi = signedIn("pm");
        roi.navigate(app.baseUrl() + "/roi?month=2026-10");
        assertThat(roi.locator(".roi-total")).hasText(ranked + " slices over budget in 2026-10");
    }

    @Test
    void a_month_the_api_refuses_is_refused_on_each_page_with_the_apis_message_and_no_figures() {
        for (String month : List.of("2026-13", "1999-12", "2028-01")) {
            var refused = app.getAs("pm", "/api/v1/summary?month=" + month);
            assertThat(refused.statusCode()).as(month).isEqualTo(400);
            String message = (String) app.jsonMap(refused.body()).get("message");
            assertThat(message).as(month).containsAnyOf("month:", "period:");
            for (String path : List.of("summary", "review", "roi")) {
                Page page = signedIn("exec");
                page.navigate(app.baseUrl() + "/" + path + "?month=" + month);
                assertThat(page.locator(".view-message")).hasText(message);
                assertThat(page.locator(".summary-card, vaadin-grid.review-services:visible, vaadin-grid.roi-grid:visible"))
                        .hasCount(0);
                if (month.equals("2026-13")) {
                    Browser.screenshot(page, path + "-month-refused");
                }
                page.close();
            }
        }
    }
}
