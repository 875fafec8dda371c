package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.MoneyText;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Customers page on the planted customers against /api/v1/customers: search, sort by ARR, ARR in USD. */
class CustomersBrowserTest extends PlantedPlatformPages {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> api() {
        return (List<Map<String, Object>>) app.jsonMap(app.getAs("pm", "/api/v1/customers?limit=1000").body()).get("items");
    }

    private static double arr(Map<String, Object> c) {
        return c.get("arrReporting") == null ? Double.NEGATIVE_INFINITY : ((Number) c.get("arrReporting")).doubleValue();
    }

    @Test
    void a_search_narrows_the_list_and_arr_sorts_by_its_worth_in_the_reporting_currency() {
        List<Map<String, Object>> all = api();
        assertThat(all).anySatisfy(c -> assertThat(c.get("currency")).isNotEqualTo(c.get("reportingCurrency")));
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/customers");
        assertThat(page.locator(".customers-count")).hasText(all.size() + " customers");

        // sorted by ARR in USD, largest first (two clicks: ascending, then descending)
        List<Map<String, Object>> byArr = all.stream().sorted(Comparator.comparingDouble(CustomersBrowserTest::arr).reversed()).toList();
        Locator arrHeader = page.locator("vaadin-grid.customers-grid vaadin-grid-sorter", new Page.LocatorOptions()
                .setHasText("ARR (USD)"));
        arrHeader.click();
        assertThat(arrHeader).hasAttribute("direction", "asc");
        arrHeader.click();
        assertThat(arrHeader).hasAttribute("direction", "desc");
        Browser.settle(page);   // the server has answered the sort: the rows read below are the sorted ones
        // the grid shows the largest first once its sorted rows are rendered (a deadline, not a pause)
        page.waitForFunction("([selector, text]) => { const g = document.querySelector(selector);"
                + " const r = [...g.shadowRoot.querySelectorAll('tbody#items tr')].find(r => r.index === 0 && !r.hidden);"
                + " const slot = r && r.querySelector('td slot'); const el = slot && slot.assignedElements()[0];"
                + " return !!el && el.textContent.trim() === text; }",
                List.of("vaadin-grid.customers-grid", (String) byArr.getFirst().get("name") + byArr.getFirst().get("id")));
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.customers-grid", 3);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> c = byArr.get(i);
            assertThat(rows.get(i).get(0)).as("row %d", i).isEqualTo((String) c.get("name") + c.get("id"));
            assertThat(rows.get(i).get(4)).isEqualTo(MoneyText.of(arr(c), "USD"));
        }
        // a customer billed in another currency shows its own amount as the tooltip
        Map<String, Object> foreign = all.stream().filter(c -> c.get("currency") != null
                && !c.get("currency").equals(c.get("reportingCurrency"))).findFirst().orElseThrow();
        Browser.screenshot(page, "customers");

        // a search over name, id, segment, region and plan, whatever its case
        String text = ((String) foreign.get("name")).substring(0, 3).toUpperCase(Locale.ROOT);
        long expected = all.stream().filter(c -> List.of("name", "id", "segment", "region", "plan").stream()
                .map(k -> String.valueOf(c.getOrDefault(k, ""))).anyMatch(v -> v.toLowerCase(Locale.ROOT)
                        .contains(text.toLowerCase(Locale.ROOT)))).count();
        assertThat(expected).isLessThan(all.size());
        page.locator("vaadin-text-field.customers-search input").fill(text);
        assertThat(page.locator(".customers-count")).hasText(expected + " of " + all.size() + " customers");
        assertThat(page.locator("vaadin-grid.customers-grid span[title]", new Page.LocatorOptions()
                .setHasText(MoneyText.of(arr(foreign), "USD"))).first()).hasAttribute("title",
                MoneyText.of(new java.math.BigDecimal(String.valueOf(foreign.get("arr"))), (String) foreign.get("currency"))
                        + " (" + foreign.get("currency") + ")");
    }
}
