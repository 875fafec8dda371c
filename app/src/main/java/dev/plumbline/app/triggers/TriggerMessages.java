package dev.plumbline.app.triggers;

import dev.plumbline.app.notify.Destination;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.triggers.Crossing;
import dev.plumbline.sql.triggers.Reading;
import dev.plumbline.sql.triggers.Trigger;
import dev.plumbline.sql.triggers.TriggerEvaluation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The notification of a trigger's crossing, in the format of the trigger's destination: what the outbox keeps and
 * the delivery sends as it is. Also the "send test" notification.
 */
public final class TriggerMessages implements TriggerEvaluation.Messenger {

    private final Destinations destinations;
    private final String externalUrl;
    private final String currency;

    public TriggerMessages(Destinations destinations, String externalUrl, String currency) {
        this.destinations = destinations;
        this.externalUrl = externalUrl;
        this.currency = currency;
    }

    @Override
    public Notification notification(Trigger trigger, Crossing crossing, Reading reading) {
        AlertContent alert = AlertContent.of(trigger, crossing, reading, externalUrl, currency);
        String reason = "trigger " + trigger.id() + " (" + trigger.name() + "): " + crossing.subject() + " "
                + crossing.status().key() + " since " + crossing.startsAt() + ": " + alert.summary();
        return notification(crossing.notificationId(trigger.id()), trigger, alert, reason, Origin.TRIGGER);
    }

    /** A test message of {@code trigger} to its destination, asked for at {@code at}: its id is unique to that instant. */
    public Notification test(Trigger trigger, Instant at, String askedBy) {
        Crossing crossing = new Crossing("test", Crossing.Status.FIRING, at, null, trigger.rule().threshold());
        AlertContent real = AlertContent.of(trigger, crossing, null, externalUrl, currency);
        Map<String, String> labels = new HashMap<>(real.labels());
        labels.put("test", "true");
        Map<String, String> annotations = new HashMap<>(real.annotations());
        annotations.put("summary", "[Test] " + trigger.name() + ": a test message, asked for by " + askedBy);
        annotations.put("description", "A test of trigger " + trigger.id() + " to destination " + trigger.destination()
                + ". Nothing crossed. Owner: " + trigger.owner() + ".");
        AlertContent alert = new AlertContent(crossing.status(), labels, annotations, at, null, real.link(),
                real.generatorUrl());
        return notification("trigger-test:" + trigger.id() + ":" + at, trigger, alert,
                "test of trigger " + trigger.id() + " asked for by " + askedBy, Origin.TEST);
    }

    private Notification notification(String id, Trigger trigger, AlertContent alert, String reason, Origin origin) {
        Destination d = destinations.find(trigger.destination()).orElseThrow(() -> new IllegalStateException(
                "trigger " + trigger.id() + ": destination '" + trigger.destination() + "' is not configured "
                        + "(plumbline.notify.destinations." + trigger.destination() + ")"));
        Channel channel = d.channel();
        String body;
        String type;
        switch (channel) {
            case ALERTMANAGER -> {
                body = AlertmanagerBody.render(alert);
                type = AlertmanagerBody.CONTENT_TYPE;
            }
            case WEBHOOK -> {
                body = WebhookBody.render(alert, d.name(), externalUrl);
                type = WebhookBody.CONTENT_TYPE;
            }
            case SLACK -> {
                body = SlackBody.render(alert);
                type = SlackBody.CONTENT_TYPE;
            }
            case EMAIL -> {
                body = EmailBody.render(alert);
                type = EmailBody.CONTENT_TYPE;
            }
            default -> throw new IllegalStateException("trigger " + trigger.id() + ": destination '" + d.name()
                    + "' is a " + channel.name().toLowerCase(java.util.Locale.ROOT) + ", which takes no alerts");
        }
        List<String> recipients = channel == Channel.EMAIL ? d.recipients() : List.of();
        return new Notification(id, channel, d.name(), recipients, alert.summary(), body, type, List.of(), reason,
                origin, trigger.id());
    }
}
