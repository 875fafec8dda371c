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

        // the planted platform has no September: said once, not as an empty change under every figure
        assertThat(page.locator(".review-period")).hasText("2026-10, compared with 2026-09: no telemetry then, so no changes to show");
        // each missed objective is marked (colour and word), as many as the API judges missed
        long missed = api.stream().flatMap(item -> ((List<Map<String, Object>>) ((Map<String, Object>) item.get("current"))
                .getOrDefault("objectives", List.of())).stream()).filter(o -> Boolean.FALSE.equals(o.get("met"))).count();
        assertThat(missed).isPositive();
        assertThat(page.locator("vaadin-grid.review-services .objective-missed")).hasCount((int) missed);
        assertThat(page.locator("vaadin-grid.review-services .objective-missed").first()).containsText("missed");
        assertThat(page.locator("vaadin-grid.review-services .objective-missed").first())
                .hasCSS("color", "rgb(" + errorColour(page) + ")");
    }

    /** The theme's error text colour as "r, g, b". */
    private static String errorColour(Page page) {
        return ((String) page.evaluate("() => { const s = document.createElement('span');"
                + " s.style.color = 'var(--lumo-error-text-color)'; document.body.appendChild(s);"
                + " const c = getComputedStyle(s).color; s.remove(); return c; }")).replaceAll("^rgba?\\(|\\)$", "");
    }

    @Test
    @SuppressWarnings("unchecked")
    void printed_to_a4_landscape_every_service_and_its_figures_are_on_paper_without_the_navigation() throws Exception {
        List<Map<String, Object>> api = services();
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/review?month=2026-10");
        assertThat(page.locator("[data-chart='" + ReviewCharts.BUDGET + "']")).hasAttribute("data-drawn", "true");
        Browser.settle(page);
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setLandscape(true).setPrintBackground(true));
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        // without white space: the PDF's text can split a word ("e xport") where its glyphs are spaced
        String all = text.toString().replaceAll("\\s+", "");
        for (Map<String, Object> item : api) {   // every service with its requests and availability, none cut off
            Map<String, Object> f = (Map<String, Object>) item.get("current");
            assertThat(all).contains((String) f.get("service"))
                    .contains(String.format(Locale.ROOT, "%,.0f", ((Number) f.get("requests")).doubleValue()))
                    .contains(dev.plumbline.sql.psr.PercentText.of(((Number) f.get("availability")).doubleValue(), 3));
        }
        assertThat(all).contains("Coverage").doesNotContain("Glossary").doesNotContain("Signout")
                .doesNotContain("DownloadPDFreport");
        Browser.pdfPages(pdf, "review-print-landscape", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_service_lists_its_customers_by_name_the_most_revenue_at_risk_first_and_scrolls_to_them() {
        List<Map<String, Object>> api = services();
        String service = "billing";   // the planted deploy hurt every customer of billing
        long customers = ((Number) app.jsonMap(app.getAs("pm", "/api/v1/figures/slices?month=2026-10&service=" + service)
                .body()).get("total")).longValue();
        List<Map<String, Object>> ranked = (List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/rankings/slices?month=2026-10&service=" + service + "&limit=100").body()).get("items");
        assertThat(ranked).hasSizeGreaterThan(1);

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/review?month=2026-10");
        assertThat(api).extracting(i -> ((Map<String, Object>) i.get("current")).get("service")).contains(service);
        Locator cells = page.locator("vaadin-grid.review-services vaadin-grid-cell-content");
        cells.filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^" + service + "$"))).first().click();
        Locator title = page.locator(".review-customers-title");
        assertThat(title).hasText(service + ": " + customers + " customers, " + ranked.size()
                + " outside objectives (most revenue at risk first)");
        assertThat(title).isInViewport();
        assertThat(page).hasURL(app.baseUrl() + "/review?month=2026-10&service=" + service);
        // the customers over budget come first, in the ranking's order (one service: ROI order is revenue-at-risk
        // order), each by name with its id under it, and the revenue at risk as the ranking has it
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.review-customers", Math.min(ranked.size(), 3));
        for (int i = 0; i < Math.min(ranked.size(), rows.size()); i++) {
            Map<String, Object> r = ranked.get(i);
            String name = (String) ((Map<String, Object>) r.get("account")).get("name");
            String id = (String) r.get("customer");
            assertThat(rows.get(i).get(0)).as("row %d", i).isEqualTo(name + id);
            assertThat(rows.get(i).get(1)).as("row %d", i).isEqualTo(dev.plumbline.sql.psr.MoneyText.of(
                    ((Number) ((Map<String, Object>) r.get("money")).get("revenueAtRisk")).doubleValue(), (String) r.get("reportingCurrency")));
        }
        assertThat(page.locator("vaadin-grid.review-customers a.customer-name").first())
                .hasAttribute("href", "customer?id=" + ranked.getFirst().get("customer"));
        Browser.screenshot(page, "review-customers");

        Page linked = browser.newPage();
        Browser.signIn(linked, app.baseUrl(), "pm", RunningApp.PASSWORD);
        linked.navigate(app.baseUrl() + "/review?month=2026-10&service=" + service);
        assertThat(linked.locator(".review-customers-title")).hasText(title.textContent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_pdf_report_opens_with_the_executive_page_then_the_services_and_charts_then_the_hurt_customers() throws Exception {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/review?month=2026-10");
        Download download = page.waitForDownload(() -> page.locator("a.export-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        List<Map<String, Object>> api = services();
        // executive page, services, charts, customers: a few pages whatever the number of customers
        assertThat(reader.getNumberOfPages()).isEqualTo(4);
        Map<String, Object> summary = app.jsonMap(app.getAs("pm", "/api/v1/summary?month=2026-10").body());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("PSR review 2026-10")
                .contains(dev.plumbline.sql.psr.PercentText.of(((Number) summary.get("availability")).doubleValue(), 3))
                .contains(dev.plumbline.sql.psr.MoneyText.of(((Number) summary.get("revenueAtRisk")).doubleValue(), "USD"))
                .contains("Largest risks, by fix");
        List<Map<String, Object>> fixes = (List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/rankings/services?month=2026-10").body()).get("items");
        fixes.stream().filter(f -> ((Number) f.get("customersAffected")).longValue() > 0).forEach(f ->
                assertThat(first).contains(dev.plumbline.sql.psr.MoneyText.of(((Number) f.get("revenueAtRisk")).doubleValue(), "USD")
                        + " at risk: " + f.get("service")));
        String table = new PdfTextExtractor(reader).getTextFromPage(2);
        for (Map<String, Object> item : api) {
            assertThat(table).contains((String) ((Map<String, Object>) item.get("current")).get("service"));
        }
        String charts = new PdfTextExtractor(reader).getTextFromPage(3);
        assertThat(charts).contains(ReviewCharts.BUDGET).contains(ReviewCharts.P95);
        assertThat(worstBudgetConsumed(api)).isNotEmpty().allSatisfy((service, budget) -> assertThat(charts).contains(service));
        assertThat(charts).contains(ReviewCharts.P95 + ": no data in this period");
        // the customers outside objectives, by name, the most at risk first; services with none in one line
        String customers = new PdfTextExtractor(reader).getTextFromPage(4);
        List<Map<String, Object>> billing = (List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/rankings/slices?month=2026-10&service=billing&limit=100").body()).get("items");
        assertThat(customers).contains("Every customer inside objectives: export.")
                .contains("billing: " + billing.size() + " outside objectives, the 10 with the most revenue at risk");
        billing.subList(0, 10).forEach(r -> assertThat(customers).contains((String) ((Map<String, Object>) r.get("account")).get("name")));
        Browser.pdfPages(pdf, "review-pdf", 4);
        assertThat(page.locator("a.export-csv")).hasAttribute("href", "api/v1/figures/services.csv?month=2026-10");
        assertThat(page.locator("a.export-datapackage")).hasAttribute("href",
                "api/v1/figures/services.csv?month=2026-10&format=datapackage");
        var pack = page.request().get(app.baseUrl() + "/api/v1/figures/services.csv?month=2026-10&format=datapackage");
        assertThat(pack.status()).isEqualTo(200);
        assertThat(pack.headers().get("content-type")).startsWith("application/zip");
        var csv = page.request().get(app.baseUrl() + "/api/v1/figures/services.csv?month=2026-10");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("service,");
    }
}
