package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Attachment;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The notification history and its retry, over notifications planted in the outbox at the test's own instants. */
@ExtendWith(ClickHouseExtension.class)
class NotificationsApiTest {

    private static final Instant NOW = RunningApp.NOW;
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db.migrate(), Map.of("plumbline.notify.delivery.enabled", false));
        plant(NOW.minus(Duration.ofDays(2)), mail("digest:weekly-exec:2026-11-16"), "sent");
        plant(NOW.minus(Duration.ofDays(1)), hook("trigger:health-low:acme:firing:1", Origin.TRIGGER), "failed");
        plant(NOW.minus(Duration.ofHours(1)), hook("fix:checkout-rollback:posted", Origin.FIX), "pending");
        plant(NOW.minus(Duration.ofDays(10)), hook("trigger:old:1", Origin.TRIGGER), "sent");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void plant(Instant at, Notification n, String state) {
        OutboxStore store = new OutboxStore(app.bean(dev.plumbline.sql.ClickHouse.class), Clock.fixed(at, ZoneOffset.UTC));
        var entry = store.enqueue(n);
        switch (state) {
            case "sent" -> store.markSent(entry, 1);
            case "failed" -> store.giveUp(entry, 3, "HTTP 400: invalid label set");
            default -> store.retryLater(entry, 1, "HTTP 503: busy", at.plus(Duration.ofDays(30)));
        }
    }

    private static Notification mail(String id) {
        return new Notification(id, Channel.EMAIL, "executives", List.of("ceo@example.com"), "Weekly summary",
                "<p>…</p>", "text/html", List.of(Attachment.file("summary.pdf", "application/pdf", new byte[] {1, 2})),
                "subscription weekly-exec", Origin.DIGEST, "weekly-exec");
    }

    private static Notification hook(String id, Origin origin) {
        return new Notification(id, Channel.WEBHOOK, "ops-hook", List.of(), "health below 0.8 for acme", "{}",
                "application/json", List.of(), "trigger health-low crossed for acme", origin, "health-low");
    }

    private static List<Map<String, Object>> history(String query) {
        HttpResponse<String> r = app.getAs("admin", "/api/v1/notifications" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return app.jsonList(r.body());
    }

    @Test
    void the_last_week_is_listed_newest_first_with_its_state_attempts_and_errors() {
        List<Map<String, Object>> all = history("");

        assertThat(all).extracting(n -> n.get("id")).containsExactly("fix:checkout-rollback:posted",
                "trigger:health-low:acme:firing:1", "digest:weekly-exec:2026-11-16");
        assertThat(all.get(1)).containsEntry("state", "failed").containsEntry("attempts", 3)
                .containsEntry("lastError", "HTTP 400: invalid label set").containsEntry("channel", "webhook")
                .containsEntry("destination", "ops-hook").containsEntry("origin", "trigger")
                .containsEntry("reason", "trigger health-low crossed for acme").doesNotContainKey("sentAt");
        assertThat(all.get(2)).containsEntry("state", "sent").containsEntry("recipients", List.of("ceo@example.com"))
                .containsEntry("subject", "Weekly summary").containsEntry("attachments", List.of("summary.pdf"))
                .containsEntry("sentAt", NOW.minus(Duration.ofDays(2)).toString());
        assertThat(all.get(0)).containsEntry("state", "pending")
                .containsEntry("nextAttemptAt", NOW.minus(Duration.ofHours(1)).plus(Duration.ofDays(30)).toString());
    }

    @Test
    void the_history_is_filtered_by_period_origin_and_limit() {
        assertThat(history("?from=2026-11-01T00:00:00Z&to=2026-11-19T00:00:00Z")).extracting(n -> n.get("id"))
                .containsExactly("digest:weekly-exec:2026-11-16", "trigger:old:1");
        assertThat(history("?from=2026-11-01T00:00:00Z&origin=trigger")).extracting(n -> n.get("id"))
                .containsExactly("trigger:health-low:acme:firing:1", "trigger:old:1");
        assertThat(history("?limit=1")).extracting(n -> n.get("id")).containsExactly("fix:checkout-rollback:posted");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"origin=alarm, origin", "origin=, origin", "limit=0, limit", "limit=1001, limit", "limit=ten, limit",
            "from=yesterday, from", "from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z, from", "since=2026-11-01, since"})
    void a_wrong_parameter_is_refused_naming_it(String query, String field) {
        HttpResponse<String> r = app.getAs("admin", "/api/v1/notifications?" + query);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(app.json(r.body(), ApiError.class).details()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo(field));
    }

    @Test
    void a_failed_notification_is_retried_now_and_only_a_failed_one() {
        String failed = "trigger:retry-me:1";
        plant(NOW.minus(Duration.ofHours(2)), hook(failed, Origin.TRIGGER), "failed");

        HttpResponse<String> retried = app.send("POST", "/api/v1/notifications/" + failed + "/retry", null,
                RunningApp.basic("admin"));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(app.jsonMap(retried.body())).containsEntry("state", "pending").containsEntry("attempts", 0);
        assertThat(app.bean(OutboxStore.class).due(100)).extracting(e -> e.id()).contains(failed);
        HttpResponse<String> again = app.send("POST", "/api/v1/notifications/" + failed + "/retry", null,
                RunningApp.basic("admin"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(app.json(again.body(), ApiError.class).message())
                .isEqualTo("id: only a failed notification is retried; '" + failed + "' is pending");
        assertThat(app.send("POST", "/api/v1/notifications/nothing:1/retry", null, RunningApp.basic("admin"))
                .statusCode()).isEqualTo(404);
    }
}
