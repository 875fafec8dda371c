package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in, roles, sign-out and the session, in real Chromium. */
@ExtendWith(ClickHouseExtension.class)
class SignInBrowserTest {

    /** Every page, and which default roles may open it. */
    static final Map<String, List<String>> PAGES = Map.of(
            "/services", List.of("exec", "pm", "engineer", "admin"),
            "/customers", List.of("exec", "pm", "admin"),
            "/admin/users", List.of("admin"),
            "/admin/tokens", List.of("admin"),
            "/import", List.of("pm", "admin"),
            "/alerts", List.of("engineer", "admin"),
            "/fixes", List.of("exec", "pm", "admin"));

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

    @ParameterizedTest
    @ValueSource(strings = {"/", "/services", "/customers", "/admin/users", "/admin/tokens", "/import", "/login"})
    void anonymous_visitors_get_the_sign_in_page_on_every_route(String path) {
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + path);

        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        assertThat(page).hasTitle("Sign in · Plumbline");
    }

    @Test
    void the_user_name_field_has_focus_so_one_can_type_at_once() {
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + "/login");
        assertThat(page.locator("vaadin-login-form input[name=username]")).isFocused();
        page.keyboard().type("pm");   // typed without clicking anywhere
        assertThat(page.locator("vaadin-login-form input[name=username]")).hasValue("pm");
    }

    @Test
    void a_wrong_password_gets_a_clear_message_and_no_session() {
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + "/login");
        page.locator("vaadin-login-form input[name=username]").fill("pm");
        page.locator("vaadin-login-form input[name=password]").fill("not the password");
        page.locator("vaadin-login-form vaadin-button").first().click();

        assertThat(page.getByText("Wrong user name or password.")).isVisible();
        assertThat(page.context().request().get(app.baseUrl() + "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void each_role_reaches_its_pages_and_gets_a_403_page_for_the_others() {
        for (String role : RunningApp.USERS) {
            Page page = browser.newPage();
            Browser.signIn(page, app.baseUrl(), role, RunningApp.PASSWORD);
            for (var entry : PAGES.entrySet()) {
                var response = page.navigate(app.baseUrl() + entry.getKey());
                if (entry.getValue().contains(role)) {
                    assertThat(response.status()).as(role + " " + entry.getKey()).isEqualTo(200);
                    assertThat(page.locator(".access-denied-view")).hasCount(0);
                } else {
                    assertThat(response.status()).as(role + " " + entry.getKey()).isEqualTo(403);
                    assertThat(page.locator(".access-denied-view")).containsText("Access denied");
                }
            }
            Browser.screenshot(page, "signed-in-" + role);
            page.context().close();
        }
    }

    @Test
    void the_navigation_lists_only_the_pages_of_the_role() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/services");

        // an engineer's pages, and the subscriptions and glossary every role has; not Customers, Import or the admin pages
        assertThat(page.locator("vaadin-side-nav-item")).hasCount(7);
        assertThat(page.locator("vaadin-side-nav-item")).containsText(new String[] {"Services", "Explore",
            "Improvements", "Alerts", "Collectors", "Subscriptions", "Glossary"});
    }

    @Test
    void after_signing_in_the_page_first_asked_for_is_shown() {
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + "/customers");
        page.locator("vaadin-login-form input[name=username]").fill("exec");
        page.locator("vaadin-login-form input[name=password]").fill(RunningApp.PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();

        assertThat(page.locator("vaadin-grid.customers-grid")).isVisible();
        assertThat(page).hasURL(app.baseUrl() + "/customers");
    }

    @Test
    void the_session_id_changes_at_sign_in_and_the_cookie_is_http_only_and_same_site_lax() {
        Page page = browser.newPage();
        page.navigate(app.baseUrl() + "/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        String before = sessionCookie(page.context()).value;

        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        Cookie after = sessionCookie(page.context());

        assertThat(after.value).isNotEqualTo(before);
        assertThat(after.httpOnly).isTrue();
        assertThat(after.sameSite).isEqualTo(SameSiteAttribute.LAX);
    }

    @Test
    void one_sign_in_serves_the_api_and_signing_out_ends_it_for_both() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        APIResponse me = page.context().request().get(app.baseUrl() + "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text()).contains("\"via\":\"session\"");
        String oldSession = sessionCookie(page.context()).value;

        page.navigate(app.baseUrl() + "/services");
        page.locator(".sign-out").click();

        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.context().request().get(app.baseUrl() + "/api/v1/me").status()).isEqualTo(401);
        page.context().addCookies(List.of(new Cookie("JSESSIONID", oldSession).setUrl(app.baseUrl())));
        assertThat(page.context().request().get(app.baseUrl() + "/api/v1/me").status())
                .as("the old session id is dead too").isEqualTo(401);
    }

    @Test
    void a_cross_site_write_with_the_session_cookie_is_refused_and_a_same_origin_one_accepted() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        String body = "{\"name\":\"from the browser\",\"role\":\"pm\"}";

        // Another origin on the same host (another port): same-site for the browser, so the Lax cookie is sent.
        String otherOrigin = "http://localhost:" + (app.server().getPort() + 1);
        APIResponse forged = page.context().request().post(app.baseUrl() + "/api/v1/tokens", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("Origin", otherOrigin)
                .setData(body));
        // A foreign origin: refused before it reaches us by Micronaut's guard for servers on localhost (empty 403);
        // on a real host name it meets the same-origin filter like the request above.
        APIResponse foreign = page.context().request().post(app.baseUrl() + "/api/v1/tokens", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("Origin", "https://evil.example")
                .setData(body));
        APIResponse crossSite = page.context().request().post(app.baseUrl() + "/api/v1/tokens", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("Sec-Fetch-Site", "cross-site")
                .setData(body));
        APIResponse sameOrigin = page.context().request().post(app.baseUrl() + "/api/v1/tokens", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("Origin", app.baseUrl())
                .setData(body));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text()).contains("cross-site request refused: Origin '" + otherOrigin + "' is not this site");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(sameOrigin.status()).isEqualTo(201);
    }

    @Test
    void a_real_cross_origin_form_post_from_another_page_is_refused() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        int before = app.getAs("admin", "/api/v1/tokens").body().split("\"id\"").length;

        // A page on another origin (about:blank's opener is not our site) submits a form to the API with the cookie.
        page.navigate("data:text/html,<form id=f method=post enctype=text/plain action='" + app.baseUrl()
                + "/api/v1/tokens'><input name='{\"name\":\"csrf\",\"role\":\"admin\",\"x\":\"' value='\"}'></form>"
                + "<script>document.getElementById('f').submit()</script>");
        page.waitForURL(app.baseUrl() + "/api/v1/tokens");

        assertThat(page.content()).doesNotContain("plb_");
        int after = app.getAs("admin", "/api/v1/tokens").body().split("\"id\"").length;
        assertThat(after).isEqualTo(before);
    }

    private static Cookie sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
    }
}
