package dev.plumbline.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.triggers.Comparison;
import dev.plumbline.sql.triggers.Crossing;
import dev.plumbline.sql.triggers.Crossing.Status;
import dev.plumbline.sql.triggers.CustomerSet;
import dev.plumbline.sql.triggers.Figure;
import dev.plumbline.sql.triggers.Reading;
import dev.plumbline.sql.triggers.Rule;
import dev.plumbline.sql.triggers.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The messages of a crossing in each destination's format, against the published shapes. */
class MessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-10-06T06:00:00Z");
    private static final Instant END = Instant.parse("2026-10-07T12:00:00Z");
    private static final String URL = "https://plumbline.example.com";
    private static final Destinations DESTINATIONS = new Destinations(List.of(
            new DestinationProperties("am", "alertmanager", "http://am:9093", null, null),
            new DestinationProperties("hook", "webhook", "http://hook/receive", null, null),
            new DestinationProperties("cs-slack", "slack", "https://hooks.slack.test/T1/B1/x", null, null),
            new DestinationProperties("cs-mail", "email", null, List.of("cs@example.com"), null),
            new DestinationProperties("jira", "tracker", "http://jira/rest/api/2/issue", null, null)));
    private static final TriggerMessages MESSAGES = new TriggerMessages(DESTINATIONS, URL, "USD");
    private static final Reading BIG = new Reading("big", "Big Corp", 21.4, 1_200_000.0, 86_000);

    private static Trigger burn(String destination, boolean money) {
        return new Trigger("key-billing", "Key accounts: billing burn", new Rule(Figure.SLICE_BURN_RATE, "billing",
                Duration.ofHours(6), Comparison.ABOVE, 10), new CustomerSet(List.of(), "enterprise", null, null),
                destination, "ana@example.com", Duration.ZERO, false, true, money);
    }

    private static final Crossing FIRING = new Crossing("big", Status.FIRING, START, null, 21.4);
    private static final Crossing RESOLVED = new Crossing("big", Status.RESOLVED, START, END, 0.4);

    private static JsonNode body(Notification n) throws Exception {
        return JSON.readTree(n.body());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void an_alertmanager_body_is_a_postable_alerts_array_with_the_owner_and_the_link_back() throws Exception {
        Notification n = MESSAGES.notification(burn("am", false), FIRING, BIG);
        JsonNode alerts = body(n);

        assertThat(n.channel()).isEqualTo(Channel.ALERTMANAGER);
        assertThat(n.id()).isEqualTo("trigger:key-billing:big:firing:2026-10-06T06:00:00Z");
        assertThat(n.origin()).isEqualTo(Notification.Origin.TRIGGER);
        assertThat(alerts.isArray()).isTrue();
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(fields(alert)).containsExactlyInAnyOrder("labels", "annotations", "startsAt", "generatorURL");
        assertThat(alert.get("labels").properties()).allMatch(e -> e.getValue().isTextual());
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("PlumblineTrigger");
        assertThat(alert.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(alert.get("labels").get("trigger").asText()).isEqualTo("key-billing");
        assertThat(alert.get("labels").get("customer").asText()).isEqualTo("big");
        assertThat(alert.get("labels").get("service").asText()).isEqualTo("billing");
        assertThat(alert.get("labels").get("owner").asText()).isEqualTo("ana@example.com");
        assertThat(alert.get("annotations").get("owner").asText()).isEqualTo("ana@example.com");
        assertThat(alert.get("annotations").get("link").asText()).isEqualTo(URL + "/customer?id=big");
        assertThat(alert.get("annotations").get("summary").asText())
                .isEqualTo("Key accounts: billing burn: Big Corp slice-burn-rate of billing 21.40x is above 10.00x");
        assertThat(alert.get("annotations").get("description").asText()).contains("ana@example.com", "last 6h");
        assertThat(Instant.parse(alert.get("startsAt").asText())).isEqualTo(START);
        assertThat(alert.get("generatorURL").asText()).isEqualTo(URL + "/triggers?id=key-billing");
    }

    @Test
    void a_resolved_alert_for_alertmanager_carries_its_end() throws Exception {
        JsonNode alert = body(MESSAGES.notification(burn("am", false), RESOLVED, BIG)).get(0);
        assertThat(Instant.parse(alert.get("endsAt").asText())).isEqualTo(END);
        assertThat(Instant.parse(alert.get("startsAt").asText())).isEqualTo(START);
        assertThat(alert.get("annotations").get("summary").asText()).startsWith("Resolved: ");
    }

    @Test
    void a_webhook_body_is_alertmanagers_version_4_payload() throws Exception {
        JsonNode payload = body(MESSAGES.notification(burn("hook", false), FIRING, BIG));

        assertThat(fields(payload)).containsExactlyInAnyOrder("version", "groupKey", "truncatedAlerts", "status",
                "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts");
        assertThat(payload.get("version").asText()).isEqualTo("4");
        assertThat(payload.get("groupKey").asText()).isEqualTo("{}:{trigger=\"key-billing\"}");
        assertThat(payload.get("truncatedAlerts").asInt()).isZero();
        assertThat(payload.get("status").asText()).isEqualTo("firing");
        assertThat(payload.get("receiver").asText()).isEqualTo("hook");
        assertThat(payload.get("externalURL").asText()).isEqualTo(URL);
        assertThat(fields(payload.get("groupLabels"))).containsExactly("trigger");
        JsonNode alert = payload.get("alerts").get(0);
        assertThat(fields(alert)).containsExactlyInAnyOrder("status", "labels", "annotations", "startsAt", "endsAt",
                "generatorURL", "fingerprint");
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("labels")).isEqualTo(payload.get("commonLabels"));
        assertThat(alert.get("annotations")).isEqualTo(payload.get("commonAnnotations"));
        assertThat(alert.get("fingerprint").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void a_resolved_webhook_says_resolved_with_the_end() throws Exception {
        JsonNode payload = body(MESSAGES.notification(burn("hook", false), RESOLVED, BIG));
        assertThat(payload.get("status").asText()).isEqualTo("resolved");
        assertThat(payload.get("alerts").get(0).get("status").asText()).isEqualTo("resolved");
        assertThat(Instant.parse(payload.get("alerts").get(0).get("endsAt").asText())).isEqualTo(END);
    }

    @Test
    void the_fingerprint_is_the_one_alertmanager_0_25_gave_for_these_labels() {
        // GET /api/v2/alerts of a real Alertmanager 0.25 after posting these labels (AlertmanagerOracleTest checks it
        // live); the sample payload of the docs.rs crate alertmanager-webhook-types says 1a30ba71cca2921f for them,
        // which Alertmanager itself does not give
        assertThat(Fingerprint.of(java.util.Map.of("alertname", "ProbeFailure", "instance", "https://server.example.org",
                "job", "http_checks", "monitor", "master", "severity", "critical"))).isEqualTo("fe986f5dcb3e6510");
        assertThat(Fingerprint.of(java.util.Map.of("a", "b"))).isEqualTo("d2b371819297f98a");
    }

    @Test
    void a_slack_message_has_text_and_blocks_naming_the_owner() throws Exception {
        Notification n = MESSAGES.notification(burn("cs-slack", false), FIRING, BIG);
        JsonNode message = body(n);

        assertThat(n.channel()).isEqualTo(Channel.SLACK);
        assertThat(fields(message)).containsExactlyInAnyOrder("text", "blocks");
        assertThat(message.get("text").asText()).contains("Big Corp", "owner: ana@example.com");
        assertThat(message.get("blocks").get(0).get("type").asText()).isEqualTo("section");
        assertThat(message.get("blocks").get(0).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(message.get("blocks").get(1).get("type").asText()).isEqualTo("context");
        assertThat(message.get("blocks").get(1).get("elements").get(0).get("text").asText())
                .contains("Owner: *ana@example.com*", "<" + URL + "/customer?id=big|Open in Plumbline>");
    }

    @Test
    void an_email_is_html_to_the_destinations_recipients_with_escaped_text() {
        Trigger odd = new Trigger("t<x>", "Burn <b>&</b>", burn("cs-mail", false).rule(), CustomerSet.ALL, "cs-mail",
                "Ana <ana@example.com>", Duration.ZERO, false, true, false);
        Notification n = MESSAGES.notification(odd, FIRING, BIG);

        assertThat(n.channel()).isEqualTo(Channel.EMAIL);
        assertThat(n.recipients()).containsExactly("cs@example.com");
        assertThat(n.contentType()).startsWith("text/html");
        assertThat(n.subject()).startsWith("Burn <b>&</b>: Big Corp");
        assertThat(n.body()).startsWith("<!DOCTYPE html>").contains("Burn &lt;b&gt;&amp;&lt;/b&gt;")
                .contains("Owner: <strong>Ana &lt;ana@example.com&gt;</strong>").doesNotContain("<b>&</b>");
    }

    @Test
    void a_trigger_without_include_money_carries_no_money_in_any_format() throws Exception {
        for (String destination : List.of("am", "hook", "cs-slack", "cs-mail")) {
            Notification n = MESSAGES.notification(burn(destination, false), FIRING, BIG);
            assertThat(n.body()).as(destination).doesNotContain("arr", "revenue_at_risk", "$", "1,200,000", "86,000");
        }
        JsonNode alert = body(MESSAGES.notification(burn("am", false), FIRING, BIG)).get(0);
        assertThat(fields(alert.get("annotations"))).containsExactlyInAnyOrder("summary", "description", "owner", "link");
    }

    @Test
    void a_trigger_with_include_money_carries_arr_and_revenue_at_risk() throws Exception {
        JsonNode annotations = body(MESSAGES.notification(burn("am", true), FIRING, BIG)).get(0).get("annotations");
        assertThat(annotations.get("arr").asText()).isEqualTo("$1,200,000");
        assertThat(annotations.get("revenue_at_risk").asText()).isEqualTo("$86,000");
    }

    @Test
    void a_test_message_goes_to_the_destination_as_a_test_with_its_own_id() throws Exception {
        Instant at = Instant.parse("2026-11-20T12:00:00.123Z");
        Notification n = MESSAGES.test(burn("hook", false), at, "pm@example.com");

        assertThat(n.origin()).isEqualTo(Notification.Origin.TEST);
        assertThat(n.id()).isEqualTo("trigger-test:key-billing:2026-11-20T12:00:00.123Z");
        JsonNode alert = body(n).get("alerts").get(0);
        assertThat(alert.get("labels").get("test").asText()).isEqualTo("true");
        assertThat(alert.get("labels").get("owner").asText()).isEqualTo("ana@example.com");
        assertThat(alert.get("annotations").get("summary").asText()).startsWith("[Test] ");
    }

    @Test
    void a_destination_that_takes_no_alerts_or_is_gone_is_refused_naming_it() {
        assertThatThrownBy(() -> MESSAGES.notification(burn("jira", false), FIRING, BIG))
                .hasMessageContaining("destination 'jira' is a tracker");
        assertThatThrownBy(() -> MESSAGES.notification(burn("gone", false), FIRING, BIG))
                .hasMessageContaining("plumbline.notify.destinations.gone");
    }
}
