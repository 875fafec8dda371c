package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When the store cannot answer, the page says so in an alert instead of showing an empty or broken grid. */
@ExtendWith(ClickHouseExtension.class)
class ServicesPageErrorTest {

    @Test
    void a_store_failure_is_shown_as_an_alert_naming_the_query(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of()); Browser browser = new Browser()) {
            db.clickHouse().execute(new NamedQuery("drop", "DROP TABLE services SYNC"));
            Page page = browser.newPage();
            Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
            page.navigate(app.baseUrl() + "/services");

            assertThat(page.locator(".view-message[role=alert]"))
                    .containsText("The service catalog cannot be read right now: query count_services failed");
            assertThat(page.locator("vaadin-grid.services-grid")).isHidden();
        }
    }
}
