package dev.plumbline.app.triggers;

import java.util.Map;

/**
 * Alertmanager's webhook payload, version 4, as its webhook_config sends it: one group holding the crossing's alert
 * (groupLabels: the trigger; groupKey as Alertmanager writes it for a route grouping by trigger), never truncated.
 * A firing alert's endsAt is Go's zero time, as Alertmanager sends it.
 */
public final class WebhookBody {

    public static final String CONTENT_TYPE = "application/json";
    /** What Alertmanager writes as endsAt of an alert still firing. */
    public static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    private WebhookBody() {
    }

    /**
     * @param receiver    the destination's name
     * @param externalUrl Plumbline's external URL (where the alert comes from)
     */
    public static String render(AlertContent alert, String receiver, String externalUrl) {
        String trigger = alert.labels().get("trigger");
        Map<String, String> group = Map.of("trigger", trigger);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("version", "4");
            g.writeStringField("groupKey", "{}:{trigger=\"" + trigger.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            g.writeNumberField("truncatedAlerts", 0);
            g.writeStringField("status", alert.status().key());
            g.writeStringField("receiver", receiver);
            Json.object(g, "groupLabels", group);
            Json.object(g, "commonLabels", alert.labels());
            Json.object(g, "commonAnnotations", alert.annotations());
            g.writeStringField("externalURL", externalUrl);
            g.writeArrayFieldStart("alerts");
            g.writeStartObject();
            g.writeStringField("status", alert.status().key());
            Json.object(g, "labels", alert.labels());
            Json.object(g, "annotations", alert.annotations());
            g.writeStringField("startsAt", alert.startsAt().toString());
            g.writeStringField("endsAt", alert.endsAt() == null ? NOT_ENDED : alert.endsAt().toString());
            g.writeStringField("generatorURL", alert.generatorUrl());
            g.writeStringField("fingerprint", Fingerprint.of(alert.labels()));
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
