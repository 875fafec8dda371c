package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.FakeIdentityProvider;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OIDC sign-in end to end in Chromium, against an in-process OpenID provider: the sign-in page offers the provider,
 * the authorization code flow runs through Micronaut Security, the ID token is checked against the provider's keys,
 * groups map to roles, and the session serves the dashboards and the API.
 */
@ExtendWith(ClickHouseExtension.class)
class OidcSignInBrowserTest {

    private static FakeIdentityProvider idp;
    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        idp = new FakeIdentityProvider("plumbline-client");
        app = RunningApp.start(db, Map.of(
                "micronaut.security.oauth2.clients.testidp.client-id", "plumbline-client",
                "micronaut.security.oauth2.clients.testidp.client-secret", "client-secret",
                "micronaut.security.oauth2.clients.testidp.openid.issuer", idp.issuer(),
                "plumbline.security.oidc.group-roles", List.of("plumbline-engineers=engineer", "plumbline-execs=exec"),
                "plumbline.security.oidc.label", "Sign in with Test IdP"));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
        idp.close();
    }

    @Test
    void a_user_of_a_mapped_group_signs_in_with_the_provider_and_gets_its_role_in_the_ui_and_the_api() {
        idp.signInNext(new FakeIdentityProvider.User("ada", "Ada Lovelace", List.of("staff", "plumbline-engineers")));
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + "/services");
        page.getByText("Sign in with Test IdP").click();

        assertThat(page.locator(".signed-in-user")).hasText("Ada Lovelace (engineer)");
        String me = page.context().request().get(app.baseUrl() + "/api/v1/me").text();
        assertThat(me).contains("\"name\":\"ada\"", "\"roles\":[\"engineer\"]", "\"signedIn\":\"oidc\"", "\"via\":\"session\"");
        assertThat(page.navigate(app.baseUrl() + "/customers").status()).isEqualTo(403);
        Browser.screenshot(page, "oidc-signed-in");
    }

    @Test
    void a_user_without_a_mapped_group_is_refused_with_the_reason_on_the_sign_in_page() {
        idp.signInNext(new FakeIdentityProvider.User("eve", "Eve", List.of("contractors")));
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + "/login");
        page.getByText("Sign in with Test IdP").click();

        assertThat(page.locator(".sign-in-error")).hasText(
                "Not signed in: none of your groups (contractors) gives a Plumbline role; ask an administrator");
        assertThat(page.context().request().get(app.baseUrl() + "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void password_sign_in_still_works_next_to_the_provider() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);

        assertThat(page.locator(".signed-in-user")).containsText("(pm)");
    }
}
