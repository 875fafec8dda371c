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
import java.time.LocalDate;
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
        // what is at risk with this customer, as the health API has it
        assertThat(page.locator("[data-fact=revenue-at-risk]")).containsText(dev.plumbline.sql.psr.MoneyText.of(
                ((Number) health.get("revenueAtRisk")).doubleValue(), "USD") + " (" + health.get("servicesOverBudget")
                + " of " + health.get("servicesUsed") + " services over budget, worst " + health.get("worstService") + ")");
        assertThat(page.locator("[data-fact=seats]")).containsText(big.activeUsers() + " active, "
                + Math.round(100.0 * big.activeUsers() / big.seats()) + "% of the seats used");
        Map<String, Object> info = ((List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/customers?limit=1000").body()).get("items")).stream().filter(c -> c.get("id").equals("big"))
                .findFirst().orElseThrow();
        assertThat(((Number) info.get("seatConsumption")).doubleValue()).isEqualTo((double) big.activeUsers() / big.seats());
        Locator cells = page.locator("vaadin-grid.customer-services vaadin-grid-cell-content");
        for (Map<String, Object> s : slices) {
            Map<String, Object> f = (Map<String, Object>) s.get("current");
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(String.format(Locale.ROOT, "%,.0f",
                    ((Number) f.get("requests")).doubleValue()))).first()).isVisible();
        }
        Browser.screenshot(page, "customer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_trend_charts_draw_the_apis_days() {
        var response = app.getAs("pm", "/api/v1/trends/customers/big?days=90&until=2026-10-31");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> api = app.jsonMap(response.body());
        assertThat((List<?>) api.get("days")).isNotEmpty();
        Map<String, Number> errorRate = new java.util.HashMap<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) api.get("totals")) {
            errorRate.put((String) d.get("day"), (Number) d.get("errorRate"));
        }
        List<String> busiest = (List<String>) api.get("busiest");
        assertThat(busiest).as("the planted services").containsExactlyInAnyOrder("search", "billing", "catalog", "export");

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/customer?id=big&month=2026-10");
        Locator errors = page.locator("[data-chart='Error rate, all its services']");
        assertThat(errors).hasAttribute("data-drawn", "true");
        List<Object> x = (List<Object>) errors.evaluate("el => echarts.getInstanceByDom(el).getOption().xAxis[0].data");
        List<Object> drawn = (List<Object>) errors.evaluate("el => echarts.getInstanceByDom(el).getOption().series[0].data");
        // from the first day with telemetry (not 90 days of which 60 are empty) to the month's last day
        String first = ((List<Map<String, Object>>) api.get("totals")).stream()
                .filter(d -> ((Number) d.get("requests")).doubleValue() > 0).map(d -> (String) d.get("day")).sorted()
                .findFirst().orElseThrow();
        assertThat(x).startsWith(first).endsWith("2026-10-31")
                .hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(first), LocalDate.of(2026, 10, 31)) + 1);
        for (int i = 0; i < x.size(); i++) {   // the page draws the API's error rate over all its services
            Number rate = errorRate.get((String) x.get(i));
            if (rate == null) {
                assertThat(drawn.get(i)).as(x.get(i) + " has no telemetry").isNull();
            } else {
                assertThat(((Number) drawn.get(i)).doubleValue()).as((String) x.get(i)).isCloseTo(100 * rate.doubleValue(),
                        org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        assertThat(errorRate).as("the planted days").hasSize(5);
        Locator traffic = page.locator("[data-chart='Requests by service']");
        assertThat(traffic).hasAttribute("data-drawn", "true");
        List<Object> names = (List<Object>) traffic.evaluate(
                "el => echarts.getInstanceByDom(el).getOption().series.map(s => s.name)");
        assertThat(names).as("the API's busiest services, and no other services with four")
                .containsExactlyElementsOf(busiest.stream().sorted().toList());
        errors.scrollIntoViewIfNeeded();
        Browser.screenshot(page, "customer-trends");
    }

    @Test
    void the_trend_api_names_an_unknown_customer_and_a_bad_date() {
        var unknown = app.getAs("pm", "/api/v1/trends/customers/nobody");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no customer with id 'nobody'");
        var bad = app.getAs("pm", "/api/v1/trends/customers/big?until=31.10.2026");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("until: must be a date like 2026-10-31, was '31.10.2026'");
    }

    @Test
    void an_unknown_id_says_so() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/customer?id=nobody");
        assertThat(page.locator(".view-message")).containsText("No customer with id 'nobody'");
    }
}
