package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.collectors.testing.PrometheusHistory;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Collectors page against /api/v1/collectors: a real Prometheus source, a broken one, a backfill's progress. */
@ExtendWith(ClickHouseExtension.class)
class CollectorsBrowserTest {

    /** Any past hour: the Prometheus history is written for it; the app's clock starts 70 minutes after it. */
    private static final Instant TO = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant FROM = TO.minus(1, ChronoUnit.HOURS);
    @TempDir
    static Path dir;
    private static LocalPrometheus prometheus;
    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        DemoTraffic traffic = new DemoTraffic(List.of("api-gateway", "search"),
                List.of(new DemoCustomer("acme", 2, 50, "eu-west")), 3, FROM);
        prometheus = PrometheusHistory.start(dir, traffic, FROM, TO);
        app = RunningApp.start(db, Map.of("plumbline.collectors.interval", "1h",
                "plumbline.clock.start", TO.plus(70, ChronoUnit.MINUTES).toString(),
                "plumbline.collectors.prometheus.demo.url", prometheus.url().toString(),
                "plumbline.collectors.prometheus.broken.url", "http://127.0.0.1:9",
                "plumbline.collectors.prometheus.broken.timeout", "1s"));
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        browser.close();
        app.close();
        prometheus.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_source_shows_its_state_and_a_backfill_its_progress_to_the_end() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        String status;
        // its retries with backoff take a few seconds before it reports failing: poll, and fail at the deadline
        while (!(status = app.getAs("engineer", "/api/v1/collectors").body()).contains("source broken: unreachable")) {
            assertThat(System.nanoTime()).as("the broken source reports failing within 60 s; last status: " + status)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
        var started = app.send("POST", "/api/v1/collectors/demo/backfill",
                "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}", RunningApp.basic("admin"));
        assertThat(started.statusCode()).isEqualTo(202);

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/collectors");
        assertThat(page).hasTitle("Collectors · Plumbline");
        Locator cells = page.locator("vaadin-grid.collectors-grid vaadin-grid-cell-content");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("done 100%"))).hasCount(1);   // polled every 2 s
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("source broken: unreachable")).first()).isVisible();

        List<Map<String, Object>> api = app.jsonList(app.getAs("engineer", "/api/v1/collectors").body());
        Map<String, Object> demo = api.stream().filter(s -> s.get("source").equals("demo")).findFirst().orElseThrow();
        assertThat(((Map<String, Object>) demo.get("backfill")).get("state")).isEqualTo("done");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(String.valueOf(demo.get("rowsWritten")))).first())
                .isVisible();
        assertThat(page.locator(".backfill-form")).hasCount(0);   // engineers watch; administrators start
        Browser.screenshot(page, "collectors");
    }

    @Test
    void an_administrator_is_told_what_is_missing_before_a_backfill_starts() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/collectors");
        // the whole form fits a laptop screen: the button is in view, not cut at its right edge (its box is read once it
        // is drawn: boundingBox does not wait, and CI read it before the page had drawn the form)
        assertThat(page.locator("vaadin-button.backfill-start")).isVisible();
        var button = page.locator("vaadin-button.backfill-start").boundingBox();
        assertThat(button.x + button.width).as("the button's right edge at 1366 px").isLessThanOrEqualTo(1366 - 16);
        Browser.screenshot(page, "collectors-admin");
        assertThat(Browser.cutCells(page, "vaadin-grid.collectors-grid")).as("cells cut at 1366 px").isEmpty();
        page.locator("vaadin-button.backfill-start").click();
        assertThat(page.locator(".backfill-outcome")).hasText("Not started: choose a source, from and to");
    }
}
