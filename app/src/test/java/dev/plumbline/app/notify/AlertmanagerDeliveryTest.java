package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.app.config.RetryProperties;
import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.app.testing.LocalAlertmanager;
import dev.plumbline.app.testing.MovableClock;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plumbline POSTs postable alerts to a real Alertmanager 0.25, which routes them to its webhook receiver: the test's
 * HTTP server gets Alertmanager's own webhook payload with the alert's labels.
 */
@ExtendWith(ClickHouseExtension.class)
class AlertmanagerDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void an_alert_posted_to_alertmanager_reaches_its_webhook_receiver_with_the_labels(TestDatabase db, @TempDir Path dir)
            throws Exception {
        TestDatabase database = db.migrate();
        database.clickHouse().execute(new NamedQuery("empty outbox", "TRUNCATE TABLE notification_outbox"));
        MovableClock clock = new MovableClock(NOW);
        OutboxStore outbox = new OutboxStore(database.clickHouse(), clock);
        try (Receiver receiver = new Receiver();
             LocalAlertmanager alertmanager = LocalAlertmanager.start(dir, receiver.url("/alertmanager-webhook"))) {
            DeliveryWorker worker = new DeliveryWorker(outbox, new Destinations(List.of(new DestinationProperties(
                    "team-am", "alertmanager", alertmanager.url().toString(), null, null))),
                    new HttpSender(Duration.ofSeconds(5), clock),
                    new MailSender(new SmtpProperties(null, 587, null, null, null, "off", false, Duration.ofSeconds(5))),
                    new Backoff(new RetryProperties(Duration.ofSeconds(30), 2, Duration.ofMinutes(10), 5)), clock);
            String alerts = """
                    [{"labels":{"alertname":"PlumblineHealthLow","customer":"acme","owner":"dana@example.com",\
                    "severity":"page"},"annotations":{"summary":"Acme's health fell to 0.71 (below 0.8)"},\
                    "generatorURL":"http://plumbline.example.com/customers/acme"}]""";
            outbox.enqueue(new Notification("trigger:health-low:acme:firing:1", Channel.ALERTMANAGER, "team-am",
                    List.of(), "Acme's health fell to 0.71", alerts, "application/json", List.of(),
                    "trigger health-low crossed for acme", Origin.TRIGGER, "health-low"));

            worker.deliverDue(10);

            assertThat(outbox.find("trigger:health-low:acme:firing:1").orElseThrow().state())
                    .as(() -> outbox.find("trigger:health-low:acme:firing:1").orElseThrow().lastError()).isEqualTo(State.SENT);
            Receiver.Request webhook = receiver.await(r -> !r.isEmpty(), Duration.ofSeconds(30),
                    "Alertmanager routes the alert to its webhook").getFirst();
            assertThat(webhook.path()).isEqualTo("/alertmanager-webhook");
            Map<String, Object> payload = JsonMapper.createDefault().readValue(webhook.body(),
                    Argument.mapOf(String.class, Object.class));
            assertThat(payload).containsEntry("version", "4").containsEntry("status", "firing")
                    .containsEntry("receiver", "test");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> received = (List<Map<String, Object>>) payload.get("alerts");
            assertThat(received).singleElement().satisfies(alert -> {
                assertThat(alert.get("labels")).isEqualTo(Map.of("alertname", "PlumblineHealthLow", "customer", "acme",
                        "owner", "dana@example.com", "severity", "page"));
                assertThat(alert.get("annotations")).isEqualTo(Map.of("summary", "Acme's health fell to 0.71 (below 0.8)"));
                assertThat(alert.get("generatorURL")).isEqualTo("http://plumbline.example.com/customers/acme");
            });
        }
    }
}
