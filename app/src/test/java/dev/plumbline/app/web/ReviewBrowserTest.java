package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.review.ReviewCharts;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monthly review on the planted platform (October 2026) against /api/v1/figures for the same month. */
class ReviewBrowserTest extends PlantedPlatformPages {


    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> services() {
        return (List<Map<String, Object>>) app.jsonMap(app.getAs("pm", "/api/v1/figures/services?month=2026-10").body())
                .get("items");
    }

    /** Per service with a judged objective, in the API's order: its largest budget consumed, in percent. */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> worstBudgetConsumed(List<Map<String, Object>> api) {
        Map<String, Double> worst = new java.util.LinkedHashMap<>();
        for (Map<String, Object> item : api) {
            Map<String, Object> f = (Map<String, Object>) item.get("current");
            ((List<Map<String, Object>>) f.getOrDefault("objectives", List.of())).stream()
                    .map(o -> (Number) o.get("budgetConsumed")).filter(java.util.Objects::nonNull)
                    .mapToDouble(Number::doubleValue).max()
                    .ifPresent(max -> worst.put((String) f.get("service"), 100 * max));
        }
        return worst;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_service_shows_the_apis_figures_and_a_service_drills_into_its_customers() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/review?month=2026-10");
        assertThat(page).hasTitle("Review · Plumbline");
        Locator cells = page.locator("vaadin-grid.review-services vaadin-grid-cell-content");
        List<Map<String, Object>> api = services();
        for (Map<String, Object> item : api) {
            Map<String, Object> f = (Map<String, Object>) item.get("current");
            assertThat(cells.filter(new Locator.FilterOptions().setHasText((String) f.get("service"))).first()).isVisible();
            String requests = String.format(Locale.ROOT, "%,.0f", ((Number) f.get("requests")).doubleValue());
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(requests)).first()).isVisible();
            if (f.get("p95Seconds") != null) {
                String p95 = String.format(Locale.ROOT, "%.0f ms", 1000 * ((Number) f.get("p95Seconds")).doubleValue());
                assertThat(cells.filter(new Locator.FilterOptions().setHasText(p95)).first()).isVisible();
            }
        }
        // the charts: the budget bars are each judged service's worst objective, from the same figures as the API's
        Locator budget = page.locator("[data-chart='" + ReviewCharts.BUDGET + "']");
        assertThat(budget).hasAttribute("data-drawn", "true");
        List<Object> categories = (List<Object>) budget.evaluate(
                "el => echarts.getInstanceByDom(el).getOption().xAxis[0].data");
        List<Object> bars = (List<Object>) budget.evaluate("el => echarts.getInstanceByDom(el).getOption().series[0].data");
        Map<String, Double> worst = worstBudgetConsumed(api);
        assertThat(categories).containsExactlyElementsOf(worst.keySet());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(((Number) bars.get(i)).doubleValue()).as("%s", categories.get(i))
                    .isCloseTo(worst.get(categories.get(i)), org.assertj.core.api.Assertions.within(1e-9));
        }
        // the planted platform has no September: nothing to compare p95 with, and the chart says so
        assertThat(page.locator("[data-chart='" + ReviewCharts.P95 + "']"))
                .hasText(ReviewCharts.P95 + ": no data in this period");
        Browser.screenshot(page, "review");
        // nothing in the table is cut: every cell's text fits its column (a 4-digit p95 once read "1014…")
        assertThat(Browser.cutCells(page, "vaadin-grid.review-services")).as("cells cut at 1366 px").isEmpty();
        budget.scrollIntoViewIfNeeded();
        Browser.screenshot(page, "review-charts");

        String service = (String) ((Map<String, Object>) api.getFirst().get("current")).get("service");
        long customers = ((Number) app.jsonMap(app.getAs("pm", "/api/v1/figures/slices?month=2026-10&service=" + service)
                .body()).get("total")).longValue();
        cells.filter(new Locator.FilterOptions().setHasText(service)).first().click();
        assertThat(page.locator(".review-customers-title")).hasText(service + ": " + customers + " customers");
        assertThat(page).hasURL(app.baseUrl() + "/review?month=2026-10&service=" + service);

        Page linked = browser.newPage();
        Browser.signIn(linked, app.baseUrl(), "pm", RunningApp.PASSWORD);
        linked.navigate(app.baseUrl() + "/review?month=2026-10&service=" + service);
        assertThat(linked.locator(".review-customers-title")).hasText(service + ": " + customers + " customers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_pdf_report_opens_with_the_table_then_the_charts_then_a_page_per_service() throws Exception {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/review?month=2026-10");
        Download download = page.waitForDownload(() -> page.locator("a.export-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        List<Map<String, Object>> api = services();
        assertThat(reader.getNumberOfPages()).isEqualTo(2 + api.size());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("PSR review 2026-10");
        String charts = new PdfTextExtractor(reader).getTextFromPage(2);
        assertThat(charts).contains(ReviewCharts.BUDGET).contains(ReviewCharts.P95);
        for (Map<String, Object> item : api) {
            assertThat(first).contains((String) ((Map<String, Object>) item.get("current")).get("service"));
        }
        assertThat(worstBudgetConsumed(api)).isNotEmpty().allSatisfy((service, budget) -> assertThat(charts).contains(service));
        assertThat(charts).contains(ReviewCharts.P95 + ": no data in this period");
        Browser.pdfPages(pdf, "review-pdf", 2);
        assertThat(page.locator("a.export-csv")).hasAttribute("href", "api/v1/figures/services.csv?month=2026-10");
        var csv = page.request().get(app.baseUrl() + "/api/v1/figures/services.csv?month=2026-10");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("service,");
    }
}
