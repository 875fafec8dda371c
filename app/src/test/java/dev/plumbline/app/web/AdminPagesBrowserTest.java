package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Users and API tokens pages, driven as an administrator would. */
@ExtendWith(ClickHouseExtension.class)
class AdminPagesBrowserTest {

    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void an_admin_creates_a_user_who_can_then_sign_in_with_that_role() {
        Page page = browser.newPage();
        Locator dialog = openNewUserDialog(page);
        dialog.getByLabel("User name").fill("margaret");
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Margaret Hamilton");
        dialog.locator("vaadin-checkbox", new Locator.LocatorOptions().setHasText("pm")).click();
        dialog.getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill("apollo-guidance");
        dialog.getByText("Save").click();

        assertThat(page.locator("vaadin-grid.users-grid")).containsText("Margaret Hamilton");
        Browser.screenshot(page, "admin-users");
        assertThat(app.get("/api/v1/me", RunningApp.basic("margaret", "apollo-guidance")).body())
                .contains("\"roles\":[\"pm\"]");
    }

    @Test
    void a_user_form_with_a_short_password_says_so_and_creates_nothing() {
        Page page = browser.newPage();
        Locator dialog = openNewUserDialog(page);
        dialog.getByLabel("User name").fill("shorty");
        dialog.locator("vaadin-checkbox", new Locator.LocatorOptions().setHasText("exec")).click();
        dialog.getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill("short");
        dialog.getByText("Save").click();

        assertThat(page.getByText("password: must be at least 10 characters")).isVisible();
        assertThat(app.getAs("admin", "/api/v1/users").body()).doesNotContain("shorty");
    }

    private static Locator openNewUserDialog(Page page) {
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/admin/users");
        page.locator("vaadin-button.new-user").click();
        return page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
    }

    @Test
    void a_token_created_on_the_page_is_shown_once_works_and_stops_working_when_revoked() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/admin/tokens");
        page.locator("vaadin-button.new-token").click();
        Locator dialog = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
        dialog.getByLabel("What it is for").fill("nightly export");
        dialog.locator("vaadin-select").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("engineer")).click();
        dialog.getByText("Create").click();

        Locator shown = page.locator("vaadin-text-field.issued-token input");
        assertThat(shown).hasValue(java.util.regex.Pattern.compile("plb_[a-z2-7]{12}\\..{43}"));
        String token = shown.inputValue();
        Browser.screenshot(page, "admin-token-created");
        page.getByText("Done").click();
        assertThat(app.get("/api/v1/me", RunningApp.bearer(token)).statusCode()).isEqualTo(200);
        assertThat(page.locator("vaadin-grid.tokens-grid")).containsText("nightly export");
        assertThat(page.content()).doesNotContain(token.substring(token.indexOf('.') + 1));

        page.locator("vaadin-grid.tokens-grid vaadin-button", new Page.LocatorOptions().setHasText("Revoke")).first().click();
        page.locator("vaadin-confirm-dialog vaadin-button[slot=confirm-button]").click();

        assertThat(page.locator("vaadin-grid.tokens-grid")).containsText("revoked");
        assertThat(app.get("/api/v1/me", RunningApp.bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_user_disabled_while_signed_in_is_signed_out_at_the_next_page() {
        app.send("POST", "/api/v1/users", "{\"username\":\"temp\",\"roles\":[\"engineer\"],\"password\":\"temporary-pass\"}",
                RunningApp.basic("admin"));
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "temp", "temporary-pass");
        assertThat(page.locator("vaadin-grid.services-grid, .view-message").first()).isVisible();

        app.send("PUT", "/api/v1/users/temp", "{\"roles\":[\"engineer\"],\"disabled\":true}", RunningApp.basic("admin"));
        page.navigate(app.baseUrl() + "/services");

        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.context().request().get(app.baseUrl() + "/api/v1/me").status()).isEqualTo(401);
    }
}
