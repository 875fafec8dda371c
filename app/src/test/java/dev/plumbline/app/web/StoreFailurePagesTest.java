package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * When the store cannot answer, a page says so in an alert with an error id instead of an empty or broken grid, and
 * never shows ClickHouse's text: that is in the log line with the same id.
 */
@ExtendWith(ClickHouseExtension.class)
class StoreFailurePagesTest {

    private static final Pattern ERROR_ID = Pattern.compile("\\(error id ([0-9a-f]{12}); the server's log has the details\\)\\.");

    @Test
    void the_services_and_roi_pages_show_a_plain_alert_with_an_error_id_that_the_log_has(TestDatabase db) {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(StoreFailure.class);
        logger.addAppender(logs);
        try (RunningApp app = RunningApp.start(db, Map.of()); Browser browser = new Browser()) {
            db.clickHouse().execute(new NamedQuery("drop", "DROP TABLE services SYNC"));
            Page page = browser.newPage();
            Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);

            page.navigate(app.baseUrl() + "/services");
            String services = alert(page, "The service catalog cannot be read right now (error id ");
            assertThat(page.locator("vaadin-grid.services-grid")).isHidden();
            page.navigate(app.baseUrl() + "/roi?month=2026-10");
            String roi = alert(page, "The ranking cannot be computed right now (error id ");
            assertThat(page.locator("vaadin-grid.roi-grid")).isHidden();

            for (String text : new String[] {services, roi}) {
                Assertions.assertThat(text).doesNotContain("Code:", "DB::Exception", "query ", "UNKNOWN_TABLE");
                Matcher id = ERROR_ID.matcher(text);
                Assertions.assertThat(id.find()).as(text).isTrue();
                Assertions.assertThat(logs.list).anySatisfy(e -> {
                    Assertions.assertThat(e.getFormattedMessage()).startsWith("error " + id.group(1) + ": ")
                            .contains("failed: Code: ");
                });
            }
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static String alert(Page page, String start) {
        Locator alert = page.locator(".view-message[role=alert]");
        assertThat(alert).containsText(start);
        return alert.textContent();
    }
}
