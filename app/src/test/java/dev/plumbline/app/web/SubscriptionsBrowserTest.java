package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Subscriptions page against /api/v1/subscriptions: it lists what the API returns, and saves what it then returns. */
@ExtendWith(ClickHouseExtension.class)
class SubscriptionsBrowserTest {

    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        db.migrate();
        app = RunningApp.start(db, Map.of("plumbline.digests.enabled", false));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void the_page_lists_the_users_subscriptions_as_the_api_returns_them() {
        HttpResponse<String> posted = app.send("POST", "/api/v1/subscriptions", "{\"kind\":\"monthly-psr-review\","
                + "\"zone\":\"America/New_York\",\"addresses\":[{\"address\":\"pm@example.com\"}]}", RunningApp.basic("pm"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/subscriptions");

        List<Map<String, Object>> api = app.jsonList(app.getAs("pm", "/api/v1/subscriptions").body());
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.subscriptions-grid", api.size());

        assertThat(rows).hasSize(api.size());
        for (int i = 0; i < api.size(); i++) {
            Map<String, Object> s = api.get(i);
            assertThat(rows.get(i).subList(0, 5)).containsExactly(s.get("kind").toString(), s.get("schedule").toString(),
                    s.get("zone").toString(), "pm <pm@example.com>", Boolean.TRUE.equals(s.get("enabled")) ? "yes" : "no");
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 3))
                .containsExactly("monthly-psr-review", "@first-working-day 08:00", "America/New_York"));
    }

    @Test
    void the_form_saves_what_the_api_then_returns_and_a_bad_zone_is_named() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/subscriptions");
        page.locator("vaadin-select.kind").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("daily-what-changed")).click();
        page.locator("vaadin-text-field.schedule input").fill("30 6 * * 1-5");
        page.locator("vaadin-text-field.zone input").fill("Mars/Olympus");
        page.locator("vaadin-email-field.address input").fill("sre@example.com");
        page.locator("vaadin-button.subscribe").click();

        assertThat(page.getByText("zone: 'Mars/Olympus' is not an IANA time zone")).isVisible();
        assertThat(app.jsonList(app.getAs("engineer", "/api/v1/subscriptions").body())).isEmpty();

        page.locator("vaadin-text-field.zone input").fill("Europe/Berlin");
        page.locator("vaadin-button.subscribe").click();
        assertThat(page.locator("vaadin-grid.subscriptions-grid")).containsText("30 6 * * 1-5");
        Browser.screenshot(page, "subscriptions");
        assertThat(Browser.cutCells(page, "vaadin-grid.subscriptions-grid")).isEmpty();

        List<Map<String, Object>> api = app.jsonList(app.getAs("engineer", "/api/v1/subscriptions").body());
        assertThat(api).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("kind", "daily-what-changed").containsEntry("schedule", "30 6 * * 1-5")
                    .containsEntry("zone", "Europe/Berlin").containsEntry("username", "engineer")
                    .containsEntry("enabled", true);
            assertThat(s.get("addresses").toString()).contains("sre@example.com");
        });
    }

    @Test
    void an_administrator_subscribes_a_role_and_an_address_list_as_the_api_then_returns_them() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/subscriptions");
        choose(page, "vaadin-select.audience", "A role (its view, to addresses)");
        choose(page, "vaadin-select.role", "exec");
        page.locator("vaadin-text-area.addresses textarea").fill("board@example.com\nleadership@example.com");
        page.locator("vaadin-button.subscribe").click();
        assertThat(page.locator("vaadin-grid.subscriptions-grid"))
                .containsText("role exec: board@example.com, leadership@example.com");

        choose(page, "vaadin-select.audience", "An address list (each address with its role)");
        page.locator("vaadin-text-area.addresses textarea").fill("cfo@example.com=exec\nsre@example.com");
        page.locator("vaadin-button.subscribe").click();
        assertThat(page.getByText("addresses: 'sre@example.com' names no role")).isVisible();
        page.locator("vaadin-text-area.addresses textarea").fill("cfo@example.com=exec\nsre@example.com=engineer");
        page.locator("vaadin-button.preview").click();
        assertThat(page.frameLocator("iframe.preview-frame").locator("body")).containsText("Written for the role engineer, the least privileged");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close").setExact(true)).click();
        page.locator("vaadin-button.subscribe").click();
        assertThat(page.locator("vaadin-grid.subscriptions-grid"))
                .containsText("cfo@example.com (exec), sre@example.com (engineer)");
        Browser.screenshot(page, "subscriptions-admin");
        assertThat(Browser.cutCells(page, "vaadin-grid.subscriptions-grid")).isEmpty();

        List<Map<String, Object>> api = app.jsonList(app.getAs("admin", "/api/v1/subscriptions").body());
        assertThat(api).anySatisfy(s -> {
            assertThat(s).containsEntry("audience", "role").containsEntry("role", "exec")
                    .containsEntry("createdBy", "admin");
            assertThat(s.get("addresses").toString()).contains("board@example.com", "leadership@example.com");
        });
        assertThat(api).anySatisfy(s -> {
            assertThat(s).containsEntry("audience", "list");
            assertThat(s.get("addresses")).isEqualTo(List.of(Map.of("address", "cfo@example.com", "role", "exec"),
                    Map.of("address", "sre@example.com", "role", "engineer")));
        });
    }

    @Test
    void a_user_is_offered_only_themselves() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/subscriptions");
        assertThat(page.locator("vaadin-email-field.address")).isVisible();
        assertThat(page.locator("vaadin-select.audience")).isHidden();
        assertThat(page.locator("vaadin-text-area.addresses")).isHidden();
    }

    private static void choose(Page page, String select, String item) {
        page.locator(select).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(item).setExact(true)).click();
    }
}
