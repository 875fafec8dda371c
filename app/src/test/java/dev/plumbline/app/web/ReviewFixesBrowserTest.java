package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Review's section "Fixes shipped this period and their measured effect" against {@code /api/v1/fixes}: a fix
 * shipped in October is in October's review with the API's figures and verdict, and not in September's.
 */
class ReviewFixesBrowserTest extends PlantedPlatformPages {

    @Test
    @SuppressWarnings("unchecked")
    void a_fix_shipped_in_the_month_is_in_its_review_with_the_apis_measured_effect() {
        HttpResponse<String> tracked = app.send("POST", "/api/v1/fixes", "{\"title\":\"Roll back billing 2.3\","
                + "\"service\":\"billing\",\"problem\":\"availability\",\"customers\":[\"big\",\"c2\"],\"owner\":\"alice\","
                + "\"targetDate\":\"2026-10-31\",\"hypothesis\":{\"figure\":\"error_ratio\",\"comparison\":\"below\","
                + "\"value\":0.001}}", RunningApp.basic("pm"));
        String id = (String) app.jsonMap(tracked.body()).get("id");
        HttpResponse<String> shipped = app.send("POST", "/api/v1/fixes/" + id + "/shipped",
                "{\"shippedAt\":\"2026-10-06T12:00:00Z\"}", RunningApp.basic("pm"));
        Map<String, Object> effect = (Map<String, Object>) app.jsonMap(shipped.body()).get("effect");
        Map<String, Object> significance = (Map<String, Object>) effect.get("significance");

        Page page = browser.newPage();
        page.setViewportSize(1920, 1080);
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/review?month=2026-10");

        assertThat(page.locator(".review-shipped-fixes h3")).hasText("Fixes shipped this period and their measured effect");
        assertThat(page.locator(".review-shipped-fix")).hasCount(1);
        String text = page.locator(".review-shipped-fix").textContent();
        assertThat(text).startsWith("Roll back billing 2.3 (billing availability), shipped 2026-10-06: error ratio from ")
                .contains(((String) significance.get("change")).replace('-', ' '))
                .contains("revenue at risk from $");
        Browser.screenshot(page, "review-shipped-fixes");

        page.navigate(app.baseUrl() + "/review?month=2026-09");
        assertThat(page.locator(".review-shipped-fix")).hasCount(0);
    }
}
