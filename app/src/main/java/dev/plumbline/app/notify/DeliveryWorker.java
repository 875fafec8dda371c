package dev.plumbline.app.notify;

import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due notifications, one at a time, and records each outcome as the notification's next state:
 * sent; pending again with its next attempt after the backoff (or the destination's Retry-After); or failed after the
 * last attempt, a permanent refusal, or a destination that is not configured (any more).
 *
 * <p>The send comes first and the mark second: when the process stops (or ClickHouse fails) between the two, the
 * notification is still pending and is sent once more on the next look, with the same idempotency key. Nothing is
 * lost, and a receiver that keeps the keys it saw drops the second copy.
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboxStore outbox;
    private final Destinations destinations;
    private final Map<Channel, Sender> senders;
    private final Backoff backoff;
    private final Clock clock;

    public DeliveryWorker(OutboxStore outbox, Destinations destinations, Sender http, Sender mail, Backoff backoff,
                          Clock clock) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.senders = Map.of(Channel.ALERTMANAGER, http, Channel.WEBHOOK, http, Channel.SLACK, http,
                Channel.TRACKER, http, Channel.EMAIL, mail);
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Sends at most {@code limit} due notifications; answers the entries as they stand afterwards. */
    public synchronized List<OutboxEntry> deliverDue(int limit) {
        return outbox.due(limit).stream().map(this::deliver).toList();
    }

    /** Tries {@code entry} once and records what came of it. */
    OutboxEntry deliver(OutboxEntry entry) {
        Notification n = entry.notification();
        // an e-mail that carries its own recipients (an address list of a subscription) needs no configured destination
        boolean ownRecipients = n.channel() == Channel.EMAIL && !n.recipients().isEmpty();
        Optional<Destination> found = destinations.find(n.destination());
        if (found.isEmpty() && !ownRecipients) {
            return giveUp(entry, entry.attempts(), "destination: '" + n.destination() + "' is not configured ("
                    + DestinationProperties.PREFIX + "." + n.destination() + ")");
        }
        Destination destination = found.orElse(null);
        if (destination != null && destination.channel() != n.channel()) {
            return giveUp(entry, entry.attempts(), "destination: '" + n.destination() + "' is a "
                    + lower(destination.channel()) + " destination, this notification is " + lower(n.channel()));
        }
        int attempts = entry.attempts() + 1;
        Attempt attempt;
        try {
            attempt = senders.get(n.channel()).send(n, destination);
        } catch (RuntimeException e) {
            attempt = Attempt.retry(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        return switch (attempt.outcome()) {
            case SENT -> outbox.markSent(entry, attempts);
            case PERMANENT -> giveUp(entry, attempts, attempt.error());
            case RETRY -> backoff.exhausted(attempts)
                    ? giveUp(entry, attempts, attempt.error() + " (gave up after " + attempts + " attempts)")
                    : outbox.retryLater(entry, attempts, attempt.error(),
                            clock.instant().plus(backoff.after(attempts, attempt.retryAfter())));
        };
    }

    private OutboxEntry giveUp(OutboxEntry entry, int attempts, String error) {
        LOG.warn("notification {} to {}: given up: {}", entry.id(), entry.notification().destination(), error);
        return outbox.giveUp(entry, attempts, error);
    }

    private static String lower(Channel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }
}
