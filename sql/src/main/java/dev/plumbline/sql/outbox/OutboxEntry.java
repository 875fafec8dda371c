package dev.plumbline.sql.outbox;

import java.time.Instant;

/**
 * A notification in the outbox with its delivery state.
 *
 * @param notification  what is sent
 * @param createdAt     when it was enqueued (the application's clock)
 * @param state         pending, sent or failed
 * @param attempts      how many sends were tried
 * @param nextAttemptAt when a pending one is tried next
 * @param lastError     the last failed attempt's reason, or ""
 * @param sentAt        when it was sent, or null
 */
public record OutboxEntry(Notification notification, Instant createdAt, State state, int attempts, Instant nextAttemptAt,
                          String lastError, Instant sentAt) {

    /** Where a notification stands. */
    public enum State {
        /** Waiting for its next attempt. */
        PENDING,
        /** Accepted by its destination. */
        SENT,
        /** Given up on after the configured attempts; kept with its last error. */
        FAILED
    }

    public String id() {
        return notification.id();
    }
}
