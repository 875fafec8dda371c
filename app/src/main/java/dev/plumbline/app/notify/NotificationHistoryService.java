package dev.plumbline.app.notify;

import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import dev.plumbline.sql.outbox.OutboxStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/** The notification history and its one action, retrying a failed notification: for the API and the page alike. */
@Singleton
public class NotificationHistoryService {

    /** How far back the history reaches unless asked otherwise. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private final OutboxStore outbox;
    private final Clock clock;

    public NotificationHistoryService(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Recorded in [from, to), newest first; from defaults to {@link #DEFAULT_PERIOD} before to, to to now (included). */
    public List<OutboxEntry> history(Instant from, Instant to, Origin origin, int limit) {
        Instant end = to != null ? to : clock.instant().plusMillis(1);
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: must be before to (" + start + " >= " + end + ")");
        }
        return outbox.history(start, end, origin, limit);
    }

    /**
     * Makes failed notification {@code id} pending, due now, with a new round of attempts (the same idempotency key).
     *
     * @throws NoSuchElementException when there is no such notification
     * @throws IllegalStateException  when it is not failed
     */
    public OutboxEntry retry(String id) {
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> new NoSuchElementException("id: no notification '" + id + "'"));
        if (entry.state() != State.FAILED) {
            throw new IllegalStateException("id: only a failed notification is retried; '" + id + "' is "
                    + entry.state().name().toLowerCase(Locale.ROOT));
        }
        return outbox.retryLater(entry, 0, entry.lastError(), clock.instant());
    }
}
