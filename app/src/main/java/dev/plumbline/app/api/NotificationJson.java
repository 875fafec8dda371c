package dev.plumbline.app.api;

import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One notification in the history: what was sent, to whom, why, and how its delivery stands.
 *
 * @param id            its idempotency key (what receivers get as Idempotency-Key or X-Plumbline-Notification)
 * @param channel       alertmanager, webhook, slack, email or tracker
 * @param destination   the configured destination's name ("" for an e-mail to its own recipients)
 * @param recipients    the e-mail addresses (empty for the other channels)
 * @param subject       the e-mail's subject or the alert's summary
 * @param reason        why it was sent
 * @param origin        trigger, digest, fix or test
 * @param originId      which trigger, subscription or fix
 * @param attachments   the attached files' names
 * @param state         pending, sent or failed
 * @param attempts      sends tried and recorded
 * @param createdAt     when it was recorded
 * @param nextAttemptAt when a pending one is tried next
 * @param sentAt        when it was sent, or absent
 * @param lastError     the last failed attempt's reason, or ""
 */
@Serdeable
public record NotificationJson(String id, String channel, String destination, List<String> recipients, String subject,
                               String reason, String origin, String originId, List<String> attachments, String state,
                               int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant sentAt,
                               String lastError) {

    static NotificationJson of(OutboxEntry e) {
        Notification n = e.notification();
        return new NotificationJson(n.id(), lower(n.channel()), n.destination(), n.recipients(), n.subject(), n.reason(),
                lower(n.origin()), n.originId(), n.attachments().stream().map(Notification.Attachment::name).toList(),
                lower(e.state()), e.attempts(), e.createdAt(), e.nextAttemptAt(), e.sentAt(), e.lastError());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
