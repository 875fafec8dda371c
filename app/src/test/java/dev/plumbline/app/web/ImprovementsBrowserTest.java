package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.PlantedPlatformPages;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.MoneyText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Improvements page against {@code /api/v1/fixes}: one fix shipped on the planted bad-deploy day (measured on the
 * planted days either side) and one planned; each row's state, hypothesis, before and after, test and revenue at risk
 * as the API gives them, and no money for an engineer.
 */
class ImprovementsBrowserTest extends PlantedPlatformPages {

    private static final String FIX = "{\"title\":\"%s\",\"service\":\"billing\",\"problem\":\"availability\","
            + "\"customers\":[\"big\",\"c2\"],\"owner\":\"alice\",\"targetDate\":\"2026-12-01\","
            + "\"hypothesis\":{\"figure\":\"error_ratio\",\"comparison\":\"below\",\"value\":0.001}}";

    @BeforeAll
    static void trackTwo() {
        HttpResponse<String> shipped = app.send("POST", "/api/v1/fixes", FIX.formatted("Roll back billing 2.3"),
                RunningApp.basic("pm"));
        String id = (String) app.jsonMap(shipped.body()).get("id");
        HttpResponse<String> r = app.send("POST", "/api/v1/fixes/" + id + "/shipped",
                "{\"shippedAt\":\"2026-10-06T12:00:00Z\"}", RunningApp.basic("pm"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(app.send("POST", "/api/v1/fixes", FIX.formatted("Retry payments"), RunningApp.basic("admin"))
                .statusCode()).isEqualTo(201);
    }

    private static String percent(Object ratio) {
        return ratio == null ? "–" : new BigDecimal(((Number) ratio).doubleValue() * 100)
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    @SuppressWarnings("unchecked")
    private static String test(Map<String, Object> effect) {
        Map<String, Object> s = (Map<String, Object>) effect.get("significance");
        String change = ((String) s.get("change")).replace('-', ' ');
        double p = ((Number) s.get("pValue")).doubleValue();
        String pText = p < 0.0001 ? "< 0.0001" : new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros()
                .toPlainString();
        return change + (p < 0.0001 ? " (p " : " (p = ") + pText + ")";
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_tracked_fix_shows_the_apis_state_and_measured_effect_in_its_order() {
        List<Map<String, Object>> api = app.jsonList(app.getAs("pm", "/api/v1/fixes").body());
        assertThat(api).hasSize(2);

        Page page = browser.newPage();
        page.setViewportSize(1920, 1080);
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/improvements");
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.improvements-grid", api.size());

        assertThat(rows).hasSize(2);
        for (int i = 0; i < api.size(); i++) {
            Map<String, Object> f = api.get(i);
            Map<String, Object> effect = (Map<String, Object>) f.get("effect");
            Map<String, Object> snapshot = (Map<String, Object>) f.get("snapshot");
            String shipped = f.get("shippedAt") == null ? "–" : ((String) f.get("shippedAt")).substring(0, 10);
            String beforeAfter = effect == null ? percent(snapshot.get("value")) + " now"
                    : percent(((Map<String, Object>) effect.get("before")).get("value")) + " → "
                    + percent(((Map<String, Object>) effect.get("after")).get("value"));
            String revenue = effect == null ? MoneyText.of(((Number) snapshot.get("revenueAtRisk")).doubleValue(), "USD")
                    + " now" : MoneyText.of(((Number) ((Map<String, Object>) effect.get("before")).get("revenueAtRisk"))
                    .doubleValue(), "USD") + " → " + MoneyText.of(((Number) ((Map<String, Object>) effect.get("after"))
                    .get("revenueAtRisk")).doubleValue(), "USD");
            assertThat(rows.get(i)).as("row %d", i + 1).containsExactly((String) f.get("title"),
                    "billing availability", "big, c2", "alice, by 2026-12-01", "error ratio below 0.10%",
                    f.get("state") + (f.get("shippedAt") == null ? "" : ", shipped " + shipped), beforeAfter,
                    effect == null ? "–" : test(effect) + "; hypothesis "
                            + ((Boolean) effect.get("hypothesisHeld") ? "held" : "not held"), revenue);
        }
        assertThat(rows).extracting(r -> r.get(5)).as("one measured, one planned").contains("planned")
                .anyMatch(s -> !s.equals("planned") && !s.startsWith("shipped"));
        Browser.screenshot(page, "improvements-1920x1080");
        assertThat(Browser.cutCells(page, "vaadin-grid.improvements-grid")).isEmpty();
        page.setViewportSize(1366, 900);
        Browser.screenshot(page, "improvements-1366x900");
        assertThat(Browser.cutCells(page, "vaadin-grid.improvements-grid")).as("at 1366 px").isEmpty();
    }

    @Test
    void an_engineer_sees_the_fixes_without_revenue_at_risk() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "engineer", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/improvements");
        List<List<String>> rows = Browser.gridRows(page, "vaadin-grid.improvements-grid", 2);

        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r).hasSize(8));
        assertThat(page.locator("vaadin-grid.improvements-grid")).not().containsText("Revenue at risk");
        assertThat(page.locator("vaadin-grid.improvements-grid")).not().containsText(String.format(Locale.ROOT, "$"));
    }
}
