package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An empty catalog gets a designed empty state, not an empty grid. */
@ExtendWith(ClickHouseExtension.class)
class ServicesPageEmptyTest {

    @Test
    void an_empty_catalog_explains_how_services_get_in(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of()); Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
            page.navigate(app.baseUrl() + "/services");

            assertThat(page.locator(".view-message[role=status]")).containsText("No services in the catalog yet.");
            assertThat(page.locator("vaadin-grid.services-grid")).isHidden();
            Browser.screenshot(page, "services-empty");
        }
    }
}
