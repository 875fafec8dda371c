package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ROI page on the planted platform (October 2026), against /api/v1/rankings/slices for the same parameters. */
class RoiBrowserTest extends PlantedPlatformPages {


    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> api(String role, String query) {
        var r = app.getAs(role, "/api/v1/rankings/slices?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) app.jsonMap(r.body()).get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_ranking_shows_the_apis_rows_in_order_one_line_each_with_the_sentence_under_a_clicked_row() {
        List<Map<String, Object>> expected = api("exec", "month=2026-10&limit=5");
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "exec", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/roi?month=2026-10");
        assertThat(page).hasTitle("ROI · Plumbline");
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.roi-grid", expected.size());
        for (int i = 0; i < expected.size(); i++) {   // row i of the page is row i of the API
            Map<String, Object> e = expected.get(i);
            assertThat(rows.get(i).subList(0, 4)).as("row " + (i + 1)).containsExactly(String.valueOf(i + 1),
                    (String) ((Map<String, Object>) e.get("account")).get("name"), (String) e.get("service"),
                    dev.plumbline.sql.psr.MoneyText.of(((Number) ((Map<String, Object>) e.get("money")).get("revenueAtRisk"))
                            .doubleValue(), (String) e.get("reportingCurrency")));
            assertThat(rows.get(i)).contains((String) ((Map<String, Object>) e.get("burn")).get("worstKind"));
        }
        // one line per row: every row is as tall as a single line of text, so a laptop screen holds many
        List<Number> heights = (List<Number>) page.locator("vaadin-grid.roi-grid").evaluate("g => [...g.shadowRoot"
                + ".querySelectorAll('tbody#items tr')].filter(r => !r.hidden && r.index !== undefined && r.index < g.size)"
                + ".map(r => r.querySelector('td').getBoundingClientRect().height)");
        assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h.doubleValue()).isLessThan(48.0));
        // the sentence of a row opens under it
        page.locator("vaadin-grid.roi-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText((String) ((Map<String, Object>) expected.getFirst().get("account")).get("name"))).first()
                .click(new Locator.ClickOptions().setPosition(2, 2));
        assertThat(page.locator(".roi-why")).hasText((String) expected.getFirst().get("explanation"));
        assertThat(page.locator(".roi-total")).containsText(api("exec", "month=2026-10&limit=1000").size() + " slices over budget");
        assertThat(page.locator("[data-definition=revenue-at-risk]")).hasText("Revenue at risk");
        Browser.screenshot(page, "roi");
        assertThat(Browser.cutCells(page, "vaadin-grid.roi-grid")).as("cells cut at 1366 px").isEmpty();
    }

    @Test
    void a_filter_changes_the_list_and_the_url_and_the_link_brings_it_back() {
        List<Map<String, Object>> all = api("pm", "month=2026-10&limit=1000");
        String service = (String) all.getLast().get("service");
        List<Map<String, Object>> filtered = api("pm", "month=2026-10&limit=1000&service=" + service);
        assertThat(filtered.size()).isLessThan(all.size());

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/roi?month=2026-10");
        assertThat(page.locator(".roi-total")).containsText(all.size() + " slices over budget");
        // the filter offers the catalog's services; picking one narrows the list
        page.locator("vaadin-combo-box.filter-service input").click();
        assertThat(page.locator("vaadin-combo-box-item")).containsText(new String[] {"billing", "catalog", "export", "search"});
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(service)).click();
        assertThat(page.locator(".roi-total")).containsText(filtered.size() + " slices over budget");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/roi\\?month=2026-10&service=" + service + "$"));

        Page linked = browser.newPage();
        Browser.signIn(linked, app.baseUrl(), "pm", RunningApp.PASSWORD);
        linked.navigate(app.baseUrl() + "/roi?month=2026-10&service=" + service);
        assertThat(linked.locator(".roi-total")).containsText(filtered.size() + " slices over budget");
        assertThat(linked.locator("vaadin-combo-box.filter-service input")).hasValue(service);
        // the CSV is the API's, with the same filter
        assertThat(linked.locator("a.export-csv")).hasAttribute("href", "api/v1/rankings/slices.csv?month=2026-10&service=" + service);
        assertThat(linked.locator("a.export-datapackage")).hasAttribute("href",
                "api/v1/rankings/slices.csv?month=2026-10&service=" + service + "&format=datapackage");
    }

    @Test
    void a_month_without_problems_says_so() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/roi?month=2026-09");
        assertThat(page.locator(".view-message")).containsText("Nothing is over budget in 2026-09");
    }

    @Test
    void a_filter_that_matches_nothing_says_so_and_does_not_claim_health() {
        long all = api("pm", "month=2026-10&limit=1000").size();
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/roi?month=2026-10&segment=nobody-has-this");
        assertThat(page.locator(".view-message")).hasText("No slice over budget matches these filters in 2026-10 (of "
                + all + " over budget without them).");
        page.navigate(app.baseUrl() + "/roi?month=2026-10&segment=Enterprise");
        assertThat(page.locator(".roi-total")).containsText(api("pm", "month=2026-10&limit=1000&segment=enterprise").size()
                + " slices over budget");
        // the filter shows the value as the data spells it
        assertThat(page.locator("vaadin-combo-box.filter-segment input")).hasValue("enterprise");
    }
}
