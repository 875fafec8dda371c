package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.explore.ExploreText;
import dev.plumbline.sql.explore.ExploreFigure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Explore page against {@code /api/v1/explore} for the same query: the table is the API's rows in its order with
 * each value as the page writes the figure, the chart draws the worst groups, everything is in the URL, a view saved
 * by the pm opens by its URL for the exec when shared, and an engineer groups by service only and sees no money.
 */
class ExploreBrowserTest extends PlantedPlatformPages {

    @Test
    @SuppressWarnings("unchecked")
    void the_table_is_the_apis_groups_in_its_order_and_the_controls_live_in_the_url() {
        Map<String, Object> api = app.jsonMap(app.getAs("pm",
                "/api/v1/explore?figure=p95&by=segment&service=search&month=2026-10").body());
        List<Map<String, Object>> expected = (List<Map<String, Object>>) api.get("rows");
        assertThat(expected).as("the planted customers' segments").hasSizeGreaterThanOrEqualTo(3);

        Page page = browser.newPage();
        page.setViewportSize(1366, 900);
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/explore?figure=p95&by=segment&service=search&month=2026-10");
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.explore-grid", expected.size());

        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            String label = (String) e.get("label");
            assertThat(rows.get(i).subList(0, 3)).as("row %d", i + 1).containsExactly(String.valueOf(i + 1), label,
                    ExploreText.value(ExploreFigure.P95, ((Number) e.get("value")).doubleValue(), "USD"));
        }
        assertThat(page.locator(".explore-chart [role=img]")).hasAttribute("aria-label",
                java.util.regex.Pattern.compile("p95 latency by segment on search"));
        assertThat(Browser.cutCells(page, "vaadin-grid.explore-grid")).as("cells whose text is cut").isEmpty();
        Browser.screenshot(page, "explore-1366x900");
        page.setViewportSize(1920, 1080);
        Browser.screenshot(page, "explore-1920x1080");

        // a control changes the URL and the figures
        page.locator("vaadin-select.explore-by").click();
        page.locator("vaadin-select.explore-by vaadin-select-item", new Page.LocatorOptions().setHasText("Region")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("by=region"));
        assertThat(parameters(page.url())).isEqualTo(Map.of("figure", "p95", "by", "region", "service", "search",
                "month", "2026-10"));
        List<Map<String, Object>> byRegion = (List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/explore?figure=p95&by=region&service=search&month=2026-10").body()).get("rows");
        List<List<String>> regionRows = Browser.gridRows(page, "vaadin-grid.explore-grid", byRegion.size());
        assertThat(regionRows).extracting(r -> r.get(1))
                .containsExactlyElementsOf(byRegion.stream().map(m -> (String) m.get("label")).toList());
    }

    @Test
    void a_view_saved_and_shared_by_the_pm_opens_by_its_url_for_the_exec_and_its_owner_deletes_it() {
        Page pm = browser.newPage();
        pm.setViewportSize(1366, 900);
        Browser.signIn(pm, app.baseUrl(), "pm", RunningApp.PASSWORD);
        pm.navigate(app.baseUrl() + "/explore?figure=error-rate&by=customer&month=2026-10");
        Browser.gridRows(pm, "vaadin-grid.explore-grid", 3);

        pm.locator("vaadin-button.explore-save").click();
        Locator dialog = pm.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
        dialog.getByLabel("Name").fill("Customers by error rate");
        dialog.getByText("Shared: everyone who may see these figures can open it").click();
        Browser.screenshot(pm, "explore-save-1366x900");
        dialog.getByText("Save", new Locator.GetByTextOptions().setExact(true)).click();

        assertThat(pm).hasURL(java.util.regex.Pattern.compile("/explore\\?view=[0-9a-f-]{36}$"));
        String url = pm.url();
        assertThat(pm.locator("vaadin-select.explore-saved")).containsText("Customers by error rate");
        Page exec = browser.newPage();
        exec.setViewportSize(1366, 900);
        Browser.signIn(exec, app.baseUrl(), "exec", RunningApp.PASSWORD);
        exec.navigate(url);
        List<List<String>> rows = Browser.gridRows(exec, "vaadin-grid.explore-grid", 3);
        assertThat(exec.locator("vaadin-select.explore-figure")).containsText("Error rate");
        assertThat(exec.locator("vaadin-select.explore-by")).containsText("Customer");
        assertThat(rows.getFirst().get(1)).as("the worst error rate: the customer the planted billing errors hurt most")
                .isNotBlank();
        assertThat(exec.locator("vaadin-button.explore-delete")).hasCount(0);
        assertThat(exec.locator("vaadin-button.explore-save")).hasCount(0);   // an exec reads views, it does not save
        Browser.screenshot(exec, "explore-view-exec-1366x900");

        // the owner changes the open view: the URL keeps the view beside the changed control, and saving changes it
        String id = url.substring(url.indexOf("view=") + 5);
        pm.locator("vaadin-select.explore-figure").click();
        pm.locator("vaadin-select.explore-figure vaadin-select-list-box vaadin-select-item",
                new Page.LocatorOptions().setHasText("Availability")).click();
        assertThat(pm).hasURL(java.util.regex.Pattern.compile("figure=availability"));
        assertThat(parameters(pm.url())).containsEntry("view", id);
        pm.locator("vaadin-button.explore-save-changes").click();
        Locator change = pm.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
        assertThat(change.getByLabel("Name")).hasValue("Customers by error rate");
        change.getByText("Save", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(pm).hasURL(java.util.regex.Pattern.compile("/explore\\?view=" + id + "$"));
        assertThat(app.jsonMap(app.getAs("pm", "/api/v1/views/" + id).body())).containsEntry("figure", "availability")
                .containsEntry("by", "customer");

        pm.locator("vaadin-button.explore-delete").click();
        // what the deleted view showed stays on the page, without the view
        assertThat(pm).hasURL(java.util.regex.Pattern.compile("^((?!view=).)*figure=availability"));
        assertThat(parameters(pm.url())).containsEntry("by", "customer").containsEntry("month", "2026-10")
                .doesNotContainKey("view");
        exec.navigate(url);
        assertThat(exec.locator(".view-message")).containsText("no saved view with id");
        assertThat(exec.locator("vaadin-grid.explore-grid")).isHidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_range_instead_of_a_month_is_shown_as_the_api_gives_it_and_a_month_picked_replaces_it() {
        String query = "figure=requests&by=service&from=2026-10-04&to=2026-10-06";
        Map<String, Object> api = app.jsonMap(app.getAs("engineer", "/api/v1/explore?" + query).body());
        List<Map<String, Object>> expected = (List<Map<String, Object>>) api.get("rows");

        Page page = browser.newPage();
        page.setViewportSize(1366, 900);
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/explore?" + query);
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.explore-grid", expected.size());

        assertThat(rows).extracting(r -> r.subList(1, 3)).containsExactlyElementsOf(expected.stream()
                .map(m -> List.of((String) m.get("label"), ExploreText.value(ExploreFigure.REQUESTS,
                        ((Number) m.get("value")).doubleValue(), "USD"))).toList());
        String label = (String) ((Map<String, Object>) api.get("period")).get("label");
        assertThat(page.locator(".explore-period")).containsText(label);
        assertThat(page.evaluate("() => document.querySelector('vaadin-select.filter-month').value"))
                .as("no month chosen").isIn("", null);

        page.locator("vaadin-select.filter-month").click();
        page.locator("vaadin-select.filter-month vaadin-select-list-box vaadin-select-item",
                new Page.LocatorOptions().setHasText("2026-10")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("month=2026-10"));
        assertThat(parameters(page.url())).isEqualTo(Map.of("figure", "requests", "by", "service", "month", "2026-10"));
    }

    @Test
    void an_engineer_groups_by_service_only_and_sees_no_money() {
        Page page = browser.newPage();
        page.setViewportSize(1366, 900);
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/explore?month=2026-10");
        Browser.gridRows(page, "vaadin-grid.explore-grid", 4);

        page.locator("vaadin-select.explore-by").click();
        assertThat(page.locator("vaadin-select.explore-by vaadin-select-list-box vaadin-select-item")).hasText(new String[]{"Service"});
        page.keyboard().press("Escape");
        page.locator("vaadin-select.explore-figure").click();
        assertThat(page.locator("vaadin-select.explore-figure vaadin-select-list-box vaadin-select-item").first()).hasText("Requests");
        assertThat(page.locator("vaadin-select.explore-figure vaadin-select-item",
                new Page.LocatorOptions().setHasText("Revenue at risk"))).hasCount(0);
        page.keyboard().press("Escape");

        page.navigate(app.baseUrl() + "/explore?figure=p95&by=segment&month=2026-10");
        assertThat(page.locator(".view-message")).containsText("customer data");
        assertThat(page.locator("vaadin-grid.explore-grid")).isHidden();
    }

    /** A URL's query parameters, whatever their order. */
    static Map<String, String> parameters(String url) {
        Map<String, String> out = new java.util.HashMap<>();
        String query = java.net.URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
