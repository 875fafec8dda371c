package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Summary page on the planted platform (October 2026): its figures equal /api/v1/summary and the rankings'. */
class SummaryBrowserTest extends PlantedPlatformPages {


    @Test
    @SuppressWarnings("unchecked")
    void the_figures_and_the_five_largest_risks_by_fix_are_the_apis() {
        Map<String, Object> api = app.jsonMap(app.getAs("exec", "/api/v1/summary?month=2026-10").body());
        List<Map<String, Object>> services = (List<Map<String, Object>>) app.jsonMap(
                app.getAs("exec", "/api/v1/rankings/services?month=2026-10&limit=100").body()).get("items");
        // the summary's risks are grouped by fix: the services with customers over budget, most revenue at risk first
        List<Map<String, Object>> top = services.stream().filter(r -> ((Number) r.get("customersAffected")).longValue() > 0)
                .sorted((a, b) -> Double.compare(((Number) b.get("revenueAtRisk")).doubleValue(),
                        ((Number) a.get("revenueAtRisk")).doubleValue())).limit(5).toList();
        assertThat(top).hasSizeGreaterThanOrEqualTo(2);

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "exec", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/");
        assertThat(page).hasURL(app.baseUrl() + "/summary");
        page.navigate(app.baseUrl() + "/summary?month=2026-10");
        assertThat(page).hasTitle("Summary · Plumbline");

        double availability = ((Number) api.get("availability")).doubleValue();
        assertThat(card(page, "availability")).hasText(String.format(Locale.ROOT, "%.3f%%", 100 * availability));
        assertThat(card(page, "objective-met")).hasText(api.get("servicesMeetingObjectives") + " of "
                + api.get("servicesWithObjectives"));
        assertThat(card(page, "within-latency-objectives")).hasText(String.format(Locale.ROOT, "%.2f%%",
                100 * ((Number) api.get("withinLatencyObjectives")).doubleValue()));
        assertThat(page.locator("[data-figure=within-latency-objectives] .card-change")).hasText(
                api.get("latencyObjectivesMet") + " of " + api.get("latencyObjectivesJudged")
                        + " latency objectives met");
        assertThat(card(page, "arr-inside-objectives")).hasText(String.format(Locale.ROOT, "%.1f%%",
                100 * ((Number) api.get("arrInsideObjectives")).doubleValue()));
        assertThat(card(page, "revenue-at-risk")).containsText(String.format(Locale.ROOT, "%,.0f",
                ((Number) api.get("revenueAtRisk")).doubleValue()));
        Locator risks = page.locator(".summary-risk");
        assertThat(risks).hasCount(top.size());
        for (int i = 0; i < top.size(); i++) {
            Map<String, Object> r = top.get(i);
            long affected = ((Number) r.get("customersAffected")).longValue();
            assertThat(risks.nth(i)).hasText(dev.plumbline.sql.psr.MoneyText.of(((Number) r.get("revenueAtRisk"))
                    .doubleValue(), (String) r.get("reportingCurrency")) + " at risk: " + r.get("service") + ", "
                    + r.get("problem") + String.format(Locale.ROOT, " (%.1fx budget)", ((Number) r.get("worstBadness"))
                    .doubleValue()) + ": " + affected + (affected == 1 ? " customer" : " customers") + ", largest "
                    + r.get("largestCustomerName"));
            assertThat(risks.nth(i).locator("a.risk-customers")).hasAttribute("href",
                    "roi?month=2026-10&service=" + r.get("service"));
            assertThat(risks.nth(i).locator("a.risk-service")).hasAttribute("href", "service?name=" + r.get("service"));
            assertThat(risks.nth(i).locator("a.risk-largest")).hasAttribute("href",
                    "customer?id=" + r.get("largestCustomer") + "&month=2026-10");
        }
        // September has no telemetry: no change to show, on the page as in the API
        assertThat(api.get("availabilityChange")).isNull();
        assertThat((Map<String, Object>) api.get("changes")).isEmpty();
        // said once in the header, not on every card
        assertThat(page.locator(".summary-period")).hasText("2026-10, compared with 2026-09: no telemetry then, so no changes to show");
        for (String card : List.of("availability", "objective-met", "arr-inside-objectives", "revenue-at-risk")) {
            assertThat(page.locator("[data-figure=" + card + "]")).not().containsText("previous");
            assertThat(page.locator("[data-figure=" + card + "]")).not().containsText("2026-09");
        }
        // the chart draws the API's days from the first with telemetry (September has none: no empty half), a day
        // without telemetry after it as a gap, and the platform's availability objective as a line
        List<Map<String, Object>> days = (List<Map<String, Object>>) api.get("days");
        assertThat(days).hasSize(61);
        int first = 0;
        while (((Number) days.get(first).get("requests")).doubleValue() == 0) {
            first++;
        }
        assertThat(first).as("September has no telemetry").isGreaterThanOrEqualTo(30);
        days = days.subList(first, days.size());
        Locator chart = page.locator("[data-chart='Platform availability per day']");
        assertThat(chart).hasAttribute("data-drawn", "true");
        assertThat(chart).hasAttribute("role", "img");
        assertThat(chart).hasAttribute("aria-label", "Platform availability per day (%), from " + days.getFirst().get("day")
                + " to 2026-10-31: availability, 7-day average");
        List<Object> x = (List<Object>) chart.evaluate("el => echarts.getInstanceByDom(el).getOption().xAxis[0].data");
        List<Object> drawn = (List<Object>) chart.evaluate("el => echarts.getInstanceByDom(el).getOption().series[0].data");
        assertThat(x).containsExactlyElementsOf(days.stream().map(d -> d.get("day")).toList());
        double objective = ((Number) api.get("availabilityObjective")).doubleValue();
        List<Object> lines = (List<Object>) chart.evaluate(
                "el => echarts.getInstanceByDom(el).getOption().series[0].markLine.data.map(d => d.yAxis)");
        assertThat(((Number) lines.getFirst()).doubleValue()).isCloseTo(100 * objective, org.assertj.core.api.Assertions.within(1e-9));
        // the planted services' objectives (billing 99.9%, search 99.9%, catalog 99.5%; export has none), by requests
        Map<String, Double> targets = Map.of("billing", 0.999, "search", 0.999, "catalog", 0.995);
        List<Map<String, Object>> figures = (List<Map<String, Object>>) app.jsonMap(app.getAs("pm",
                "/api/v1/figures/services?month=2026-10").body()).get("items");
        double requests = 0;
        double allowed = 0;
        for (Map<String, Object> item : figures) {
            Map<String, Object> f = (Map<String, Object>) item.get("current");
            Double target = targets.get((String) f.get("service"));
            if (target != null) {
                requests += ((Number) f.get("requests")).doubleValue();
                allowed += ((Number) f.get("requests")).doubleValue() * (1 - target);
            }
        }
        assertThat(objective).isCloseTo(1 - allowed / requests, org.assertj.core.api.Assertions.within(1e-12));
        int withTelemetry = 0;
        for (int i = 0; i < days.size(); i++) {
            Number availabilityOfDay = (Number) days.get(i).get("availability");
            if (availabilityOfDay == null) {
                assertThat(drawn.get(i)).as(x.get(i) + " has no telemetry").isNull();
            } else {
                withTelemetry++;
                assertThat(((Number) drawn.get(i)).doubleValue()).as((String) x.get(i))
                        .isCloseTo(100 * availabilityOfDay.doubleValue(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        assertThat(withTelemetry).as("the planted days").isEqualTo(5);
        Browser.screenshot(page, "summary");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("vaadin-side-nav")).isHidden();   // prints without the navigation
        assertThat(card(page, "availability")).isVisible();
    }

    @Test
    @SuppressWarnings("unchecked")
    void printed_to_a4_portrait_and_landscape_every_card_and_risk_is_on_paper_without_the_navigation() throws Exception {
        Map<String, Object> api = app.jsonMap(app.getAs("exec", "/api/v1/summary?month=2026-10").body());
        List<Map<String, Object>> fixes = ((List<Map<String, Object>>) app.jsonMap(app.getAs("exec",
                "/api/v1/rankings/services?month=2026-10").body()).get("items")).stream()
                .filter(f -> ((Number) f.get("customersAffected")).longValue() > 0).toList();
        assertThat(fixes).isNotEmpty();
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "exec", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/summary?month=2026-10");
        assertThat(page.locator(".summary-risk")).hasCount(fixes.size());
        Browser.settle(page);
        for (boolean landscape : List.of(false, true)) {
            byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setLandscape(landscape).setPrintBackground(true));
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
            StringBuilder text = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
            }
            String all = text.toString().replaceAll("\\s+", " ");
            String orientation = landscape ? "landscape" : "portrait";
            assertThat(all).as(orientation).contains(String.format(Locale.ROOT, "%.3f%%",
                    100 * ((Number) api.get("availability")).doubleValue()));
            assertThat(all).as(orientation).contains(String.format(Locale.ROOT, "%,.0f",
                    ((Number) api.get("revenueAtRisk")).doubleValue()));
            for (Map<String, Object> f : fixes) {   // every risk, with its largest customer: nothing cut at a page end
                assertThat(all).as(orientation).contains(f.get("service") + ", ").contains((String) f.get("largestCustomerName"));
            }
            assertThat(all).as(orientation + ": no navigation on paper").doesNotContain("Glossary").doesNotContain("Sign out");
            Browser.pdfPages(pdf, "summary-print-" + orientation, 1);
        }
    }

    @Test
    void a_month_without_telemetry_says_so_and_the_month_picked_goes_into_the_url() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/summary?month=2026-09");
        assertThat(page.locator(".view-message")).containsText("No telemetry was collected in 2026-09");
        page.locator("vaadin-select.filter-month").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("2026-10")).click();
        assertThat(page).hasURL(app.baseUrl() + "/summary?month=2026-10");
        assertThat(card(page, "availability")).isVisible();
    }

    /** A range compares with the range of the same length just before: each change is the two periods' difference. */
    @Test
    @SuppressWarnings("unchecked")
    void every_figure_changes_by_the_difference_from_the_range_just_before() {
        Map<String, Object> now = app.jsonMap(app.getAs("exec", "/api/v1/summary?from=2026-10-06&to=2026-10-08").body());
        Map<String, Object> before = app.jsonMap(app.getAs("exec", "/api/v1/summary?from=2026-10-03&to=2026-10-05").body());
        Map<String, Object> changes = (Map<String, Object>) now.get("changes");

        assertThat(((Map<String, Object>) now.get("comparedWith")).get("label")).isEqualTo("2026-10-03 to 2026-10-05");
        for (String figure : List.of("availability", "withinLatencyObjectives", "arrInsideObjectives", "revenueAtRisk")) {
            assertThat(((Number) changes.get(figure)).doubleValue()).as(figure).isCloseTo(
                    ((Number) now.get(figure)).doubleValue() - ((Number) before.get(figure)).doubleValue(),
                    org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(((Number) changes.get("servicesMeetingObjectives")).longValue()).isEqualTo(
                ((Number) now.get("servicesMeetingObjectives")).longValue()
                        - ((Number) before.get("servicesMeetingObjectives")).longValue());
    }

    private static Locator card(Page page, String figure) {
        return page.locator("[data-figure=" + figure + "] .card-value");
    }

}
