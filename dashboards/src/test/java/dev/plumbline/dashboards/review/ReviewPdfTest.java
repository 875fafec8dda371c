package dev.plumbline.dashboards.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.plumbline.dashboards.summary.SummaryCards;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.ServiceRisk;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewPdfTest {

    private static Figures figures(String key, String service, double requests, double errors, Double p95) {
        ObjectiveResult o = new ObjectiveResult(new Objective(service, "availability", Indicator.AVAILABILITY, 0.999,
                null, ObjectiveWindow.rolling(30)), errors / requests, errors / requests / 0.001, 0.1,
                errors / requests <= 0.001, "");
        return new Figures(key, service, requests, errors, errors / requests, 1 - errors / requests, 0.05, p95, 0.9, "",
                1.5, 4.0, true, 1.0, 3, List.of(o));
    }

    private static final List<SummaryCards.Card> CARDS = List.of(
            new SummaryCards.Card("availability", "Platform availability", "99.512%", "▼ 0.081 pp from 2026-09"),
            new SummaryCards.Card("revenue-at-risk", "Revenue at risk", "$412,000", "▲ $12,000 more than 2026-09"));
    private static final ServiceRisk FIX = new ServiceRisk("search", 12, "latency", "acme", "Acme Corp", 412_000, 2,
            206_000, 7.25, 120_000, 100);

    /** search with 12 customers outside its objective, the worst first; billing with none. */
    private static ReviewPdf.Report report(boolean money) {
        MonthOverMonth search = MonthOverMonth.of(figures("search", "search", 120_000, 600, 0.42),
                figures("search", "search", 100_000, 100, 0.30));
        MonthOverMonth billing = MonthOverMonth.of(figures("billing", "billing", 90_000, 9, 0.1), null);
        List<CustomerImpact> hurt = new ArrayList<>(IntStream.range(0, 12).mapToObj(i -> new CustomerImpact("c" + i,
                true, "Customer " + i, 12.0 - i, "availability", 1000.0 * (12 - i),
                figures("search/c" + i, "search", 5_000, 50 + i, 0.8))).toList());
        return new ReviewPdf.Report("2026-10", "2026-09", money ? CARDS : CARDS.subList(0, 1), List.of(FIX), money, "USD",
                List.of(search, billing), List.of(new ReviewPdf.Drill("search", hurt), new ReviewPdf.Drill("billing", List.of())));
    }

    @Test
    void the_report_opens_with_the_executive_page_then_the_services_and_charts_then_only_the_hurt_customers() throws Exception {
        byte[] pdf = ReviewPdf.write(report(true));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(4);
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("PSR review 2026-10").contains("Platform availability").contains("99.512%")
                .contains("▼ 0.081 pp from 2026-09".substring(2)).contains("$412,000").contains("Largest risks, by fix")
                .contains("$412,000 at risk: search, latency (7.3x budget): 12 customers, largest Acme Corp");
        String services = new PdfTextExtractor(reader).getTextFromPage(2);
        assertThat(services).contains("search").contains("120,000").contains("+20%").contains("420 ms")
                .contains("+120 ms").contains(FigureText.objectives(report(true).services().getFirst().current()));
        String charts = new PdfTextExtractor(reader).getTextFromPage(3);
        assertThat(charts).contains(ReviewCharts.BUDGET).contains(ReviewCharts.P95).contains("whole budget");
        String customers = new PdfTextExtractor(reader).getTextFromPage(4);
        assertThat(customers).contains("Every customer inside objectives: billing.")
                .contains("search: 12 outside objectives, the 10 with the most revenue at risk")
                .contains("Customer 0").contains("$12,000").contains("Customer 9").doesNotContain("Customer 10")
                .contains("12.0x").contains("800 ms");
    }

    @Test
    void a_report_for_a_role_without_money_has_no_amount_anywhere() throws Exception {
        PdfReader reader = new PdfReader(ReviewPdf.write(report(false)));
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(new PdfTextExtractor(reader).getTextFromPage(p));
        }
        assertThat(all.toString()).doesNotContain("$").doesNotContain("Revenue at risk")
                .contains("search, latency (7.3x budget): 12 customers, largest Acme Corp")
                .contains("search: 12 outside objectives, the 10 worst");
    }

    /** A checkout fix shipped on 12 October whose error ratio fell from 2.10% to 0.40% (revenue at risk $40,000 to $5,000). */
    static dev.plumbline.sql.fixes.FixTracking.Tracked shippedFix() {
        var hypothesis = new dev.plumbline.sql.fixes.Hypothesis(dev.plumbline.sql.fixes.Hypothesis.Figure.ERROR_RATIO,
                dev.plumbline.sql.fixes.Hypothesis.Comparison.BELOW, 0.001);
        java.time.Instant at = java.time.Instant.parse("2026-10-12T15:00:00Z");
        var fix = new dev.plumbline.sql.fixes.TrackedFix(java.util.UUID.randomUUID(), "Roll back checkout 4.2",
                "checkout", "availability", List.of("acme"), new dev.plumbline.sql.fixes.Snapshot(
                java.time.LocalDate.of(2026, 9, 28), java.time.LocalDate.of(2026, 10, 12), 1000, 0.021, 40_000),
                "alice", java.time.LocalDate.of(2026, 10, 31), hypothesis, dev.plumbline.sql.fixes.FixState.SHIPPED, at,
                null, "pm", at, "pm", at, 2);
        var w = new dev.plumbline.sql.fixes.EffectWindows(java.time.LocalDate.of(2026, 10, 12), 14);
        var effect = new dev.plumbline.sql.fixes.Effect(w, new dev.plumbline.sql.fixes.Effect.Window(w.beforeFrom(),
                w.beforeTo(), 1000, 0.021, List.of()), new dev.plumbline.sql.fixes.Effect.Window(w.afterFrom(),
                w.afterTo(), 1000, 0.004, List.of()), new dev.plumbline.sql.fixes.Significance(14, 14, 0.021, 0.004,
                9.1, 0.00012, dev.plumbline.sql.fixes.Significance.Change.IMPROVED), 40_000, 5_000, false,
                dev.plumbline.sql.fixes.FixState.VERIFIED_IMPROVED, List.of());
        return new dev.plumbline.sql.fixes.FixTracking.Tracked(fix, java.util.Optional.of(effect));
    }

    private static ReviewPdf.Report withShipped(boolean money) {
        ReviewPdf.Report r = report(money);
        return new ReviewPdf.Report(r.periodLabel(), r.comparedWith(), r.cards(), r.fixes(), r.money(), r.currency(),
                r.services(), r.drills(), List.of(shippedFix()));
    }

    @Test
    void the_executive_page_ends_with_the_fixes_shipped_in_the_period_and_their_measured_effect() throws Exception {
        String first = new PdfTextExtractor(new PdfReader(ReviewPdf.write(withShipped(true)))).getTextFromPage(1)
                .replaceAll("\\s+", " ");   // lines wrap where the page is full
        String noMoney = new PdfTextExtractor(new PdfReader(ReviewPdf.write(withShipped(false)))).getTextFromPage(1);
        String none = new PdfTextExtractor(new PdfReader(ReviewPdf.write(report(true)))).getTextFromPage(1);

        assertThat(first).contains("Fixes shipped this period and their measured effect")
                .contains("Roll back checkout 4.2 (checkout availability), shipped 2026-10-12: error ratio from 2.10% "
                        + "to 0.40%, improved (p = 0.00012); hypothesis error ratio below 0.10% not held; revenue at "
                        + "risk from $40,000 to $5,000");
        assertThat(noMoney).contains("improved (p = 0.00012)").doesNotContain("$40,000");
        assertThat(none).contains("No tracked fix shipped in 2026-10.");
    }

    @Test
    void figure_texts_say_when_something_is_missing() {
        assertThat(FigureText.ms(null)).isEqualTo("–");
        assertThat(FigureText.burn(null)).isEqualTo("–");
        assertThat(FigureText.burn(5.94)).isEqualTo("5.9x");
        assertThat(FigureText.relative(null)).isEmpty();
        assertThat(FigureText.points(0.0012)).isEqualTo("+0.120 pp");
        assertThat(FigureText.msChange(-0.035)).isEqualTo("-35 ms");
        assertThat(FigureText.msChange(-0.0004)).isEqualTo("0 ms");
        assertThat(FigureText.msChange(0.0004)).isEqualTo("0 ms");
        assertThat(FigureText.msChange(0.0005)).isEqualTo("+1 ms");
    }
}
