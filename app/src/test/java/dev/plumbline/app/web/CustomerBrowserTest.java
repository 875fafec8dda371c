package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.psr.PlantedPlatform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Customer page on the planted platform: search finds a customer; its figures equal the API's. */
class CustomerBrowserTest extends PlantedPlatformPages {


    @Test
    @SuppressWarnings("unchecked")
    void search_finds_a_customer_whose_page_shows_the_apis_health_and_services() {
        Customer big = PlantedPlatform.customers().stream().filter(c -> c.id().equals("big")).findFirst().orElseThrow();
        Map<String, Object> health = ((List<Map<String, Object>>) app.jsonMap(
                app.getAs("pm", "/api/v1/customer-health?month=2026-10&customer=big").body()).get("items")).getFirst();
        List<Map<String, Object>> slices = (List<Map<String, Object>>) app.jsonMap(
                app.getAs("pm", "/api/v1/figures/slices?month=2026-10&customer=big").body()).get("items");

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/customer?month=2026-10");
        page.locator("vaadin-combo-box.customer-search input").fill(big.name().substring(0, 5));
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(big.name() + " (big)")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/customer\\?(id=big&month=2026-10|month=2026-10&id=big)$"));
        assertThat(page.locator(".customer-title")).hasText(big.name() + " (big)");
        assertThat(page.locator("[data-fact=health]")).containsText(String.format(Locale.ROOT, "%.0f / 100",
                ((Number) health.get("health")).doubleValue()));
        assertThat(page.locator("[data-fact=arr]")).isVisible();
        Locator cells = page.locator("vaadin-grid.customer-services vaadin-grid-cell-content");
        for (Map<String, Object> s : slices) {
            Map<String, Object> f = (Map<String, Object>) s.get("current");
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(String.format(Locale.ROOT, "%,.0f",
                    ((Number) f.get("requests")).doubleValue()))).first()).isVisible();
        }
        Browser.screenshot(page, "customer");
    }

    @Test
    void an_unknown_id_says_so() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/customer?id=nobody");
        assertThat(page.locator(".view-message")).containsText("No customer with id 'nobody'");
    }
}
