package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Triggers page against /api/v1/triggers: it lists what the API gives, and its form saves what the API keeps. */
@ExtendWith(ClickHouseExtension.class)
class TriggersBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        Map<String, Object> p = new HashMap<>();
        p.put("plumbline.notify.destinations.oncall.kind", "webhook");
        p.put("plumbline.notify.destinations.oncall.url", "http://127.0.0.1:9/hook");
        p.put("plumbline.notify.destinations.am.kind", "alertmanager");
        p.put("plumbline.notify.destinations.am.url", "http://127.0.0.1:9");
        app = RunningApp.start(db, p);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    private static Page signedIn() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/triggers");
        return page;
    }

    private static void choose(Page page, String field, String item) {
        page.locator("#trigger-" + field).click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(item)).first().click();
    }

    @Test
    void the_page_lists_the_triggers_the_api_gives() throws Exception {
        HttpResponse<String> made = app.send("POST", "/api/v1/triggers", "{\"id\":\"listed\",\"name\":\"Listed one\","
                + "\"figure\":\"health\",\"comparison\":\"below\",\"threshold\":40,\"destination\":\"am\","
                + "\"owner\":\"bo@example.com\"}", RunningApp.basic("pm"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Page page = signedIn();

        Locator grid = page.locator("vaadin-grid.triggers-grid");
        for (JsonNode t : JSON.readTree(app.getAs("pm", "/api/v1/triggers").body())) {
            assertThat(grid).containsText(t.get("id").asText());
            assertThat(grid).containsText(t.get("name").asText());
            assertThat(grid).containsText(t.get("owner").asText());
        }
        assertThat(grid).containsText("health over 6h below 40.0");
    }

    @Test
    void saving_through_the_form_gives_the_apis_trigger() throws Exception {
        Page page = signedIn();
        page.locator("#new-trigger").click();
        page.locator("#trigger-id input").fill("from-form");
        page.locator("#trigger-name input").fill("Key accounts burning billing");
        choose(page, "figure", "slice-burn-rate");
        page.locator("#trigger-service input").fill("billing");
        page.locator("#trigger-windowHours input").fill("12");
        choose(page, "comparison", "above");
        page.locator("#trigger-threshold input").fill("14.4");
        page.locator("#trigger-customerIds input").fill("big, eu-ops");
        page.locator("#trigger-segment input").fill("enterprise");
        choose(page, "destination", "oncall");
        page.locator("#trigger-owner input").fill("ana@example.com");
        page.locator("#trigger-cooldownMinutes input").fill("60");
        page.locator("#trigger-labels input").fill("severity=page, team=payments");
        page.locator("#trigger-onlyOnce input").check();
        assertThat(page.locator("#trigger-onlyOnce input")).isChecked();
        page.locator("#trigger-save").click();

        assertThat(page.locator("vaadin-grid.triggers-grid")).containsText("from-form");
        JsonNode saved = JSON.readTree(app.getAs("pm", "/api/v1/triggers/from-form").body());
        assertThat(saved.get("name").asText()).isEqualTo("Key accounts burning billing");
        assertThat(saved.get("figure").asText()).isEqualTo("slice-burn-rate");
        assertThat(saved.get("service").asText()).isEqualTo("billing");
        assertThat(saved.get("windowHours").asInt()).isEqualTo(12);
        assertThat(saved.get("comparison").asText()).isEqualTo("above");
        assertThat(saved.get("threshold").asDouble()).isEqualTo(14.4);
        assertThat(saved.get("customerIds").toString()).isEqualTo("[\"big\",\"eu-ops\"]");
        assertThat(saved.get("segment").asText()).isEqualTo("enterprise");
        assertThat(saved.get("destination").asText()).isEqualTo("oncall");
        assertThat(saved.get("owner").asText()).isEqualTo("ana@example.com");
        assertThat(saved.get("cooldownMinutes").asInt()).isEqualTo(60);
        assertThat(saved.get("onlyOnce").asBoolean()).isTrue();
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.get("includeMoney").asBoolean()).isFalse();
        assertThat(saved.get("labels").toString()).isEqualTo("{\"severity\":\"page\",\"team\":\"payments\"}");
        assertThat(saved.get("savedBy").asText()).isEqualTo("pm");
        Browser.screenshot(page, "triggers");
    }

    @Test
    void a_refused_form_names_the_field_and_saves_nothing() {
        Page page = signedIn();
        page.locator("#new-trigger").click();
        page.locator("#trigger-id input").fill("refused");
        page.locator("#trigger-name input").fill("No owner");
        choose(page, "figure", "health");
        choose(page, "comparison", "below");
        page.locator("#trigger-threshold input").fill("50");
        choose(page, "destination", "am");
        page.locator("#trigger-save").click();

        assertThat(page.locator("vaadin-notification-card.trigger-refused")).containsText("owner: required");
        assertThat(app.getAs("pm", "/api/v1/triggers/refused").statusCode()).isEqualTo(404);
    }
}
