package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.MoneyText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Fixes page against {@code /api/v1/rankings/services} for the same month: the services with customers over
 * budget in the API's order, each row's problem, money, customers, effort and ROI as the API gives them, its links
 * to the service's customers and its Service page, and no cell cut at 1366 px.
 */
class FixesBrowserTest extends PlantedPlatformPages {

    @Test
    @SuppressWarnings("unchecked")
    void each_service_to_fix_is_the_apis_ranking_by_service_in_its_order_with_links_to_its_customers() {
        List<Map<String, Object>> api = ((List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/rankings/services?month=2026-10").body()).get("items")).stream()
                .filter(s -> ((Number) s.get("customersAffected")).longValue() > 0).toList();
        assertThat(api).as("the planted problems: search latency, billing availability").hasSizeGreaterThanOrEqualTo(2);

        Page page = browser.newPage();
        page.setViewportSize(1366, 900);
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/fixes?month=2026-10");
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.fixes-grid", api.size());

        assertThat(rows).hasSize(api.size());
        for (int i = 0; i < api.size(); i++) {
            Map<String, Object> s = api.get(i);
            String largest = (String) s.get("largestCustomerName");
            long affected = ((Number) s.get("customersAffected")).longValue();
            assertThat(rows.get(i)).as("row %d", i + 1).containsExactly(String.valueOf(i + 1), (String) s.get("service"),
                    s.get("problem") + String.format(Locale.ROOT, " (%.1fx budget)",
                            ((Number) s.get("worstBadness")).doubleValue()),
                    MoneyText.of(((Number) s.get("revenueAtRisk")).doubleValue(), (String) s.get("reportingCurrency")),
                    affected + (affected == 1 ? " customer" : " customers") + ", largest " + largest,
                    String.format(Locale.ROOT, "%.1f wk", ((Number) s.get("effortWeeks")).doubleValue()),
                    MoneyText.of(((Number) s.get("roi")).doubleValue(), (String) s.get("reportingCurrency")) + " / wk",
                    "Track this fix");
        }
        Map<String, Object> first = api.getFirst();
        assertThat(page.locator("a.fixes-customers").first()).hasAttribute("href",
                "roi?month=2026-10&service=" + first.get("service"));
        assertThat(page.locator("a.fixes-largest").first()).hasAttribute("href",
                "customer?id=" + first.get("largestCustomer") + "&month=2026-10");
        assertThat(page.locator(".fixes-period")).hasText("2026-10");
        Object cut = page.evaluate("() => [...document.querySelector('vaadin-grid.fixes-grid').querySelectorAll("
                + "'vaadin-grid-cell-content')].filter(c => c.scrollWidth > c.clientWidth).map(c => c.textContent)");
        assertThat((List<String>) cut).as("cells whose text is cut").isEmpty();
        assertThat(page.evaluate("() => { const t = document.querySelector('vaadin-grid.fixes-grid').shadowRoot"
                + ".querySelector('#table'); return t.scrollWidth <= t.clientWidth; }")).as("every column in view").isEqualTo(true);
        Browser.screenshot(page, "fixes-1366x900");
        page.setViewportSize(1920, 1080);
        Browser.screenshot(page, "fixes-1920x1080");

        page.locator("a.fixes-customers").first().click();
        assertThat(page).hasURL(app.baseUrl() + "/roi?month=2026-10&service=" + first.get("service"));
        assertThat(page.locator(".roi-total")).containsText("over budget in 2026-10");
    }

    @Test
    @SuppressWarnings("unchecked")
    void track_this_fix_tracks_the_rows_problem_for_its_customers_over_budget_as_the_api_then_lists_it() {
        Map<String, Object> first = ((List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/rankings/services?month=2026-10").body()).get("items")).getFirst();
        String service = (String) first.get("service");
        Page page = browser.newPage();
        page.setViewportSize(1920, 1080);
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/fixes?month=2026-10");
        page.locator("vaadin-button.fixes-track").first().click();
        page.locator("vaadin-button.track-fix-save").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Tracked");

        List<Map<String, Object>> fixes = app.jsonList(app.getAs("pm", "/api/v1/fixes").body());
        assertThat(fixes).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("service", service).containsEntry("problem", first.get("problem"))
                    .containsEntry("owner", "pm").containsEntry("state", "planned");
            assertThat((List<String>) f.get("customers")).as("the known customers over budget")
                    .hasSizeLessThanOrEqualTo(((Number) first.get("customersAffected")).intValue())
                    .contains((String) first.get("largestCustomer")).doesNotContain("ghost");
        });
        page.navigate(app.baseUrl() + "/improvements");
        assertThat(Browser.gridRows(page, "vaadin-grid.improvements-grid", 1).getFirst().getFirst())
                .isEqualTo("Fix " + service + " " + first.get("problem"));
    }
}
