package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Notifications page against /api/v1/notifications: the same notifications, states and errors; a retry. */
@ExtendWith(ClickHouseExtension.class)
class NotificationsBrowserTest {

    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db.migrate(), Map.of("plumbline.notify.delivery.enabled", false));
        Instant now = RunningApp.NOW;
        plant(now.minus(Duration.ofHours(30)), new Notification("digest:weekly-exec:2026-11-16", Channel.EMAIL,
                "executives", List.of("ceo@example.com"), "Weekly summary, week 47", "<p/>", "text/html", List.of(),
                "subscription weekly-exec", Origin.DIGEST, "weekly-exec"), "sent");
        plant(now.minus(Duration.ofHours(5)), new Notification("trigger:health-low:acme:firing:1", Channel.WEBHOOK,
                "ops-hook", List.of(), "Acme's health fell to 0.71", "{}", "application/json", List.of(),
                "trigger health-low crossed for acme", Origin.TRIGGER, "health-low"), "failed");
        plant(now.minus(Duration.ofHours(1)), new Notification("fix:checkout-rollback:issue", Channel.TRACKER,
                "issues", List.of(), "Track: checkout deploy regression", "{}", "application/json", List.of(),
                "fix checkout-rollback tracked", Origin.FIX, "checkout-rollback"), "pending");
        browser = new Browser();
    }

    private static void plant(Instant at, Notification n, String state) {
        OutboxStore store = new OutboxStore(app.bean(ClickHouse.class), Clock.fixed(at, ZoneOffset.UTC));
        OutboxEntry entry = store.enqueue(n);
        switch (state) {
            case "sent" -> store.markSent(entry, 1);
            case "failed" -> store.giveUp(entry, 4, "HTTP 400: unknown field commonLabels");
            default -> store.retryLater(entry, 2, "HTTP 503: tracker busy", at.plus(Duration.ofHours(6)));
        }
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void the_page_shows_what_the_api_returns_and_a_failed_one_is_retried() {
        List<Map<String, Object>> api = app.jsonList(app.getAs("admin", "/api/v1/notifications").body());
        assertThat(api).hasSize(3);

        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "admin", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/notifications");
        assertThat(page).hasTitle("Notifications · Plumbline");
        Locator cells = page.locator("vaadin-grid.notifications-grid vaadin-grid-cell-content");
        for (Map<String, Object> n : api) {
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(n.get("subject").toString())).first()).isVisible();
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(n.get("origin") + " · " + n.get("reason")))
                    .first()).isVisible();
            if (!n.get("lastError").toString().isEmpty()) {
                assertThat(cells.filter(new Locator.FilterOptions().setHasText(n.get("lastError").toString())).first())
                        .isVisible();
            }
        }
        assertThat(page.locator(".notification-state")).hasText(api.stream().map(n -> n.get("state").toString())
                .toArray(String[]::new));
        assertThat(page.locator(".notification-attempts")).hasText(api.stream()
                .map(n -> n.get("attempts") + (n.get("attempts").equals(1) ? " attempt" : " attempts")).toArray(String[]::new));
        Browser.screenshot(page, "notifications");
        assertThat(Browser.cutCells(page, "vaadin-grid.notifications-grid")).as("cells cut at 1366 px").isEmpty();

        assertThat(page.locator("vaadin-button.notification-retry")).hasCount(1);
        page.locator("vaadin-button.notification-retry").click();
        assertThat(page.locator(".notifications-outcome"))
                .hasText("trigger:health-low:acme:firing:1: pending again, sent on the next delivery run.");
        assertThat(page.locator("vaadin-button.notification-retry")).hasCount(0);
        Map<String, Object> retried = app.jsonList(app.getAs("admin", "/api/v1/notifications?origin=trigger").body())
                .getFirst();
        assertThat(retried).containsEntry("state", "pending").containsEntry("attempts", 0);
    }

    @Test
    void a_product_manager_does_not_see_the_page() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/notifications");

        assertThat(page.locator("vaadin-grid.notifications-grid")).hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Notifications")))
                .hasCount(0);
    }
}
