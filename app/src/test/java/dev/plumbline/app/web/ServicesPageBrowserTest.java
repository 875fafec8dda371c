package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.dashboards.catalog.ObjectiveText;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Services page in real Chromium, on demo data, checked against the store. */
@ExtendWith(ClickHouseExtension.class)
class ServicesPageBrowserTest {

    private static RunningApp app;
    private static Browser browser;
    private static List<CatalogEntry> stored;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.startWithDemoData(db);
        browser = new Browser();
        stored = new ServiceCatalogStore(db.clickHouse(), java.time.Clock.systemUTC()).all();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void the_services_page_lists_every_stored_service_with_its_objectives() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/services");
        Locator grid = page.locator("vaadin-grid.services-grid");
        assertThat(grid).isVisible();
        assertThat(page).hasTitle("Services · Plumbline");

        Object size = grid.evaluate("g => g.size");
        assertThat(((Number) size).intValue()).isEqualTo(stored.size());
        for (CatalogEntry entry : stored) {
            Locator cell = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions()
                    .setHasText(entry.service().displayName() + entry.service().name()));
            assertThat(cell.first()).isVisible();
            for (var objective : entry.objectives()) {
                assertThat(page.getByText(ObjectiveText.describe(objective)).first()).isAttached();
            }
        }
        Path shot = Browser.screenshot(page, "services");
        assertThat(shot).exists();
        assertThat(shot.toFile().length()).isGreaterThan(10_000);
    }

    @Test
    void the_root_path_shows_the_services_page_inside_the_navigation_frame() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/");

        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Services"))).isVisible();
        assertThat(page).hasURL(app.baseUrl() + "/services");
        assertThat(page.locator("vaadin-grid.services-grid")).isVisible();
        assertThat(page.locator("h1.plumbline-title")).hasText("Plumbline");
    }

    @Test
    void an_unknown_page_says_so_with_a_404() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        var response = page.navigate(app.baseUrl() + "/no-such-page");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByText("Could not navigate to 'no-such-page'").first()).isVisible();
    }

}
