package dev.plumbline.app.triggers;

import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.triggers.Crossing;
import dev.plumbline.sql.triggers.Figure;
import dev.plumbline.sql.triggers.Reading;
import dev.plumbline.sql.triggers.Trigger;
import dev.plumbline.sql.triggers.TriggerLabels;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every message of a crossing says, whatever its format: Alertmanager's labels and annotations, when it began
 * (and ended), and the links back. The owner is a label and an annotation of every message. Money (the customer's
 * ARR, revenue at risk) is in it only when the trigger says its destination may see money ({@code includeMoney}).
 *
 * @param status       firing or resolved
 * @param link         the customer's or service's page
 * @param generatorUrl the trigger's page
 */
public record AlertContent(Crossing.Status status, Map<String, String> labels, Map<String, String> annotations,
                           Instant startsAt, Instant endsAt, String link, String generatorUrl) {

    /** The alertname label of every trigger's alert (the trigger itself is the trigger label). */
    public static final String ALERTNAME = "PlumblineTrigger";

    public AlertContent {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    public String summary() {
        return annotations.get("summary");
    }

    public String description() {
        return annotations.get("description");
    }

    public String owner() {
        return labels.get("owner");
    }

    /** The content of {@code crossing} of {@code trigger}, links built from {@code externalUrl}. */
    public static AlertContent of(Trigger trigger, Crossing crossing, Reading reading, String externalUrl,
                                  String currency) {
        Figure figure = trigger.rule().figure();
        boolean service = figure.subject() == Figure.Subject.SERVICE;
        String label = reading == null ? crossing.subject() : reading.label();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", ALERTNAME);
        labels.putAll(TriggerLabels.ofMessage(trigger));   // severity (warning unless set) and the trigger's own
        labels.put("trigger", trigger.id());
        labels.put(service ? "service" : "customer", crossing.subject());
        if (!service && !trigger.rule().service().isEmpty()) {
            labels.put("service", trigger.rule().service());
        }
        labels.put("owner", trigger.owner());
        String link = service ? externalUrl + "/service?name=" + encode(crossing.subject())
                : externalUrl + "/customer?id=" + encode(crossing.subject());
        String what = figure.key() + (trigger.rule().service().isEmpty() || service ? "" : " of " + trigger.rule().service());
        String value = number(figure, crossing.value(), currency);
        String threshold = number(figure, trigger.rule().threshold(), currency);
        String summary = (crossing.status() == Crossing.Status.FIRING ? "" : "Resolved: ") + trigger.name() + ": "
                + label + " " + what + " " + value + (crossing.status() == Crossing.Status.FIRING
                        ? " is " + trigger.rule().comparison().key() + " " + threshold
                        : " is no longer " + trigger.rule().comparison().key() + " " + threshold);
        String window = trigger.rule().window().toHours() + "h";
        String description = label + " (" + crossing.subject() + "): " + what + " over the last " + window + " was "
                + value + " at " + (crossing.endsAt() == null ? crossing.startsAt() : crossing.endsAt())
                + "; the trigger fires " + trigger.rule().comparison().key() + " " + threshold + ". Owner: "
                + trigger.owner() + ".";
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        annotations.put("description", description);
        annotations.put("owner", trigger.owner());
        annotations.put("link", link);
        if (trigger.includeMoney() && reading != null) {
            if (reading.arr() != null) {
                annotations.put("arr", MoneyText.of(reading.arr(), currency));
            }
            annotations.put("revenue_at_risk", MoneyText.of(reading.revenueAtRisk(), currency));
        }
        return new AlertContent(crossing.status(), labels, annotations, crossing.startsAt(), crossing.endsAt(), link,
                externalUrl + "/triggers?id=" + encode(trigger.id()));
    }

    private static String number(Figure figure, double value, String currency) {
        return switch (figure) {
            case SERVICE_REVENUE_AT_RISK -> MoneyText.of(value, currency);
            case SLICE_BUDGET_CONSUMED -> String.format(Locale.ROOT, "%.1f%%", 100 * value);
            case SLICE_BURN_RATE -> String.format(Locale.ROOT, "%.2fx", value);
            case HEALTH -> String.format(Locale.ROOT, "%.0f", value);
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
