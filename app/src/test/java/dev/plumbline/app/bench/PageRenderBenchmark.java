package dev.plumbline.app.bench;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.review.ReviewCharts;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.psr.RoiRankingBenchmark;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * First render of the Summary and Review pages in headless Chromium over the ROI benchmark's data set (CUSTOMERS x
 * SERVICES x 30 days of hourly roll-ups, September 2026): from navigation to the page's figures on screen (Summary:
 * the five risks; Review: the services grid's rows), signed in as an executive, each navigation a new Vaadin UI.
 * Arguments: ClickHouse URL, customers, services, runs, result file.
 */
public final class PageRenderBenchmark {

    private PageRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int customers = Integer.parseInt(args[1]);
        int services = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        ConnectionSpec spec = new ConnectionSpec(url, "bench_pages_" + System.currentTimeMillis(), null, null);
        ClickHouse.createDatabase(spec, "");
        ClickHouse ch = ClickHouse.connect(spec, 4, QueryListener.NONE);
        new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
        Clock clock = Clock.fixed(RoiRankingBenchmark.BENCH_MONTH.atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);
        long t0 = System.nanoTime();
        RoiRankingBenchmark.seedBusiness(ch, clock, customers, services);
        long rows = RoiRankingBenchmark.generateHours(ch, customers, services);
        RoiRankingBenchmark.rollUp(ch, clock);
        ch.execute(new NamedQuery("optimize", "OPTIMIZE TABLE telemetry_day FINAL"));
        ch.execute(new NamedQuery("optimize", "OPTIMIZE TABLE telemetry_month FINAL"));
        long t1 = System.nanoTime();
        String month = RoiRankingBenchmark.BENCH_MONTH.toString();
        double[] summary = new double[runs];
        double[] review = new double[runs];
        double coldSummary = 0;
        double coldReview = 0;
        try (RunningApp app = RunningApp.start(new TestDatabase(spec, ch, null), Map.of("plumbline.clickhouse.pool-size", 4));
             Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, app.baseUrl(), "exec", RunningApp.PASSWORD);
            for (int i = -1; i < runs; i++) {   // run -1 warms up
                double s = time(page, app.baseUrl() + "/summary?month=" + month, ".summary-risk",
                        "[data-chart='Platform availability per day'][data-drawn=true]");
                double r = time(page, app.baseUrl() + "/review?month=" + month,
                        "vaadin-grid.review-services vaadin-grid-cell-content:has-text('svc-00')",
                        "[data-chart='" + ReviewCharts.BUDGET + "'][data-drawn=true]");
                if (i >= 0) {
                    summary[i] = s;
                    review[i] = r;
                } else {
                    coldSummary = s;
                    coldReview = r;
                }
            }
            Browser.screenshot(page, "bench-review");
        }
        String report = String.format(Locale.ROOT, """
                Page render benchmark: %d customers x %d services x 30 days of hourly roll-ups (%,d rows, ready in %.1f s)
                  first render in headless Chromium from navigation start, %d runs after a warm-up (p50 / min / max):
                    Summary (/summary?month=%s, until the risks and the chart show): %.3f / %.3f / %.3f s (goal <= 1.0 s)
                    Review  (/review?month=%s, until the grid and the charts show): %.3f / %.3f / %.3f s (goal <= 1.0 s)
                  the warm-up, the first render after the start (no figure computed yet for this data):
                    Summary %.3f s, Review %.3f s
                """, customers, services, rows, (t1 - t0) / 1e9, runs, month, p50(summary), min(summary), max(summary),
                month, p50(review), min(review), max(review), coldSummary, coldReview);
        System.out.print(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        if (System.getenv("BENCH_KEEP") == null) {
            ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database() + " SYNC"));
        }
        ch.close();
    }

    /** Seconds from navigating until every one of the {@code ready} selectors is on the page. */
    private static double time(Page page, String url, String... ready) {
        long a = System.nanoTime();
        page.navigate(url);
        for (String r : ready) {
            page.locator(r).first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
        }
        return (System.nanoTime() - a) / 1e9;
    }

    private static double p50(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
