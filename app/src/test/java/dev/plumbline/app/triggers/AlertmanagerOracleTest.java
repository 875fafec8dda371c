package dev.plumbline.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.app.notify.Receiver;
import dev.plumbline.app.testing.LocalAlertmanager;
import dev.plumbline.sql.triggers.Comparison;
import dev.plumbline.sql.triggers.Crossing;
import dev.plumbline.sql.triggers.Crossing.Status;
import dev.plumbline.sql.triggers.CustomerSet;
import dev.plumbline.sql.triggers.Figure;
import dev.plumbline.sql.triggers.Reading;
import dev.plumbline.sql.triggers.Rule;
import dev.plumbline.sql.triggers.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Alertmanager 0.25 as the oracle: it accepts the Alertmanager body as it is, computes the same fingerprint,
 * and the webhook payload it sends for that alert is the one Plumbline renders for a webhook destination (but for
 * externalURL, which is the sender's own).
 */
class AlertmanagerOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIVER = "hook";
    private static final String URL = "https://plumbline.example.com";
    private static final Instant START = Instant.parse("2026-10-06T06:00:00Z");
    private static final Instant END = Instant.parse("2026-10-07T12:00:00Z");
    private static final Trigger TRIGGER = new Trigger("key-billing", "Key accounts: billing burn",
            new Rule(Figure.SLICE_BURN_RATE, "billing", Duration.ofHours(6), Comparison.ABOVE, 10),
            new CustomerSet(List.of(), "enterprise", null, null), "am", "ana@example.com", Duration.ZERO, false, true,
            false);
    private static final Reading BIG = new Reading("big", "Big Corp", 21.4, 1_200_000.0, 86_000);

    /** The {@code n}th webhook payload (from 0) the Alertmanager sent {@code hook}, waiting for it at most 30 s. */
    private static String webhook(Receiver hook, int n) throws InterruptedException {
        return hook.await(r -> r.size() > n, Duration.ofSeconds(30), "webhook payload " + n + " from the Alertmanager")
                .get(n).text();
    }

    private static void assertSameAsAlertmanagers(JsonNode ours, JsonNode theirs) {
        List<String> fields = List.of("version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels",
                "commonLabels", "commonAnnotations");
        for (String field : fields) {
            assertThat(ours.get(field)).as(field).isEqualTo(theirs.get(field));
        }
        List<String> keys = new java.util.ArrayList<>();
        theirs.fieldNames().forEachRemaining(keys::add);
        List<String> ourKeys = new java.util.ArrayList<>();
        ours.fieldNames().forEachRemaining(ourKeys::add);
        assertThat(ourKeys).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(ours.get("alerts")).hasSize(1);
        assertThat(ours.get("alerts").get(0)).isEqualTo(theirs.get("alerts").get(0));
    }

    /**
     * Posts {@code trigger}'s firing for "big" to the Alertmanager: it is taken (200), stored with our labels and our
     * fingerprint, and its webhook payload (the first {@code hook} has) is the one Plumbline renders. The stored alert.
     */
    private static JsonNode firesAsAlertmanagerHasIt(Trigger trigger, LocalAlertmanager am, Receiver hook)
            throws Exception {
        AlertContent firing = AlertContent.of(trigger, new Crossing("big", Status.FIRING, START, null, 21.4), BIG, URL,
                "USD");
        assertThat(am.post(AlertmanagerBody.render(firing)).statusCode()).isEqualTo(200);
        JsonNode stored = JSON.readTree(am.get("/api/v2/alerts")).get(0);
        assertThat(stored.get("fingerprint").asText()).isEqualTo(Fingerprint.of(firing.labels()));
        assertThat(JSON.convertValue(stored.get("labels"), java.util.Map.class)).isEqualTo(firing.labels());
        assertSameAsAlertmanagers(JSON.readTree(WebhookBody.render(firing, RECEIVER, URL)),
                JSON.readTree(webhook(hook, 0)));
        return stored;
    }

    @Test
    void alertmanager_takes_the_body_and_sends_the_webhook_payload_plumbline_renders(@TempDir Path dir)
            throws Exception {
        try (Receiver hook = new Receiver();
             LocalAlertmanager am = LocalAlertmanager.start(dir, hook.url("/receive"), RECEIVER, List.of("trigger"))) {
            firesAsAlertmanagerHasIt(TRIGGER, am, hook);

            AlertContent resolved = AlertContent.of(TRIGGER, new Crossing("big", Status.RESOLVED, START, END, 0.4), BIG,
                    URL, "USD");
            assertThat(am.post(AlertmanagerBody.render(resolved)).statusCode()).isEqualTo(200);
            assertSameAsAlertmanagers(JSON.readTree(WebhookBody.render(resolved, RECEIVER, URL)),
                    JSON.readTree(webhook(hook, 1)));
        }
    }

    @Test
    void a_triggers_own_labels_reach_alertmanager_and_its_fingerprint_is_alertmanagers(@TempDir Path dir)
            throws Exception {
        Trigger labelled = new Trigger(TRIGGER.id(), TRIGGER.name(), TRIGGER.rule(), TRIGGER.customers(),
                TRIGGER.destination(), TRIGGER.owner(), TRIGGER.cooldown(), false, true, false,
                dev.plumbline.sql.triggers.TriggerLabels.check(java.util.Map.of("severity", "page", "team", "payments")));
        try (Receiver hook = new Receiver();
             LocalAlertmanager am = LocalAlertmanager.start(dir, hook.url("/receive"), RECEIVER, List.of("trigger"))) {
            JsonNode stored = firesAsAlertmanagerHasIt(labelled, am, hook);

            assertThat(JSON.convertValue(stored.get("labels"), java.util.Map.class))
                    .containsEntry("severity", "page").containsEntry("team", "payments")
                    .containsEntry("alertname", AlertContent.ALERTNAME).containsEntry("trigger", "key-billing");
        }
    }
}
