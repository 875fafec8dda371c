package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The glossary page and the tooltips taken from the definitions catalog, against /api/v1/definitions. */
@ExtendWith(ClickHouseExtension.class)
class GlossaryBrowserTest {

    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.startWithDemoData(db);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_glossary_shows_every_definition_the_api_serves() {
        List<Map<String, Object>> served = app.jsonList(
                app.getAs("exec", "/api/v1/definitions").body());
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "exec", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/glossary");
        assertThat(page).hasTitle("Glossary · Plumbline");

        assertThat(page.locator(".glossary-entry")).hasCount(served.size());
        for (Map<String, Object> d : served) {
            Locator entry = page.locator("#" + d.get("id"));
            assertThat(entry.locator("h3")).hasText((String) d.get("name"));
            assertThat(entry.locator(".glossary-formula")).hasText((String) d.get("formula"));
            assertThat(entry.locator(".glossary-unit")).hasText("unit: " + d.get("unit"));
        }
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Glossary"))).isVisible();
        // for an executive, where a figure is computed is folded away: the meaning reads first
        Map<String, Object> first = served.getFirst();
        Locator technical = page.locator("#" + first.get("id") + " vaadin-details.glossary-technical");
        assertThat(technical).not().hasAttribute("opened", "");
        assertThat(page.locator("#" + first.get("id") + " .glossary-fields")).isHidden();
        Browser.screenshot(page, "glossary");
        technical.locator("vaadin-details-summary").click();
        assertThat(page.locator("#" + first.get("id") + " .glossary-fields")).isVisible();
        assertThat(page.locator("#" + first.get("id") + " .glossary-fields")).hasText("API fields: "
                + String.join(", ", (List<String>) first.get("fields")));

        // for an engineer it is open
        Page engineer = browser.newPage();
        Browser.signIn(engineer, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        engineer.navigate(app.baseUrl() + "/glossary");
        assertThat(engineer.locator("#" + first.get("id") + " .glossary-fields")).isVisible();
    }

    @Test
    void a_figure_header_carries_its_definition_as_a_tooltip() {
        Map<String, Object> effort = app.jsonMap(app.getAs("engineer", "/api/v1/definitions/effort").body());
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/services");

        Locator header = page.locator("[data-definition=effort]");
        assertThat(header).hasText("Effort (eng-weeks)");
        header.hover();
        assertThat(page.locator("vaadin-tooltip:has(vaadin-tooltip-overlay[opened])")).containsText((String) effort.get("formula"));
    }
}
