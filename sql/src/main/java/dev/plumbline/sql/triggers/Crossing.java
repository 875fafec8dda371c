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
        return prefix(triggerId) + subject + ":" + status.key() + ":" + startsAt;
    }

    /** A firing that {@link #notificationId} names: its subject and the breach's start. */
    public record Firing(String subject, Instant startsAt) {
    }

    /**
     * The firing {@code notificationId} names, when it is one of trigger {@code triggerId}'s firings (the subject is
     * what lies between the trigger's prefix and the last ":firing:"; the start, an instant, never holds one).
     */
    public static java.util.Optional<Firing> firing(String triggerId, String notificationId) {
        String prefix = prefix(triggerId);
        String marker = ":" + Status.FIRING.key() + ":";
        int at = notificationId.lastIndexOf(marker);
        if (!notificationId.startsWith(prefix) || at < prefix.length()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Firing(notificationId.substring(prefix.length(), at),
                    Instant.parse(notificationId.substring(at + marker.length()))));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String prefix(String triggerId) {
        return "trigger:" + triggerId + ":";
    }
}
