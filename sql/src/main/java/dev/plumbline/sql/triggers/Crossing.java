package dev.plumbline.sql.triggers;

import java.time.Instant;

/**
 * A change to send: a subject began to breach (firing), or a subject that was sent firing recovered (resolved).
 *
 * @param startsAt when the breach began (the same for its firing and its resolved message)
 * @param endsAt   when it recovered; null for a firing
 * @param value    the figure at the evaluation that saw the change
 */
public record Crossing(String subject, Status status, Instant startsAt, Instant endsAt, double value) {

    /** Alertmanager's words: firing or resolved. */
    public enum Status {
        FIRING, RESOLVED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The idempotency id of this crossing's notification: trigger, subject, status and the breach's start, so an
     * evaluation seen twice (two instances, a retry) enqueues it once.
     */
    public String notificationId(String triggerId) {
        return "trigger:" + triggerId + ":" + subject + ":" + status.key() + ":" + startsAt;
    }
}
