package dev.plumbline.app.triggers;

/**
 * The body of Alertmanager's {@code POST /api/v2/alerts} (its OpenAPI {@code postableAlerts}): an array with one alert
 * of labels, annotations, startsAt, endsAt (only for a resolved one: Alertmanager then resolves it) and generatorURL.
 */
public final class AlertmanagerBody {

    public static final String CONTENT_TYPE = "application/json";

    private AlertmanagerBody() {
    }

    public static String render(AlertContent alert) {
        return Json.write(g -> {
            g.writeStartArray();
            g.writeStartObject();
            Json.object(g, "labels", alert.labels());
            Json.object(g, "annotations", alert.annotations());
            g.writeStringField("startsAt", alert.startsAt().toString());
            if (alert.endsAt() != null) {
                g.writeStringField("endsAt", alert.endsAt().toString());
            }
            g.writeStringField("generatorURL", alert.generatorUrl());
            g.writeEndObject();
            g.writeEndArray();
        });
    }
}
