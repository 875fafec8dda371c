package dev.plumbline.dashboards.notify;

import java.time.Instant;
import java.util.List;

/** The notification history as the Notifications page needs it; implemented by the application with its outbox. */
public interface NotificationHistory {

    /** The notifications of the last 7 days, newest first, at most {@code limit}; of {@code origin} unless null. */
    List<Row> recent(String origin, int limit);

    /** Makes a failed notification pending again; refused with IllegalStateException or NoSuchElementException. */
    void retry(String id);

    /**
     * One notification.
     *
     * @param to        the destination's name and the e-mail addresses, as one text
     * @param state     pending, sent or failed
     * @param sentAt    when it was sent, or null
     * @param lastError the last failed attempt's reason, or ""
     */
    record Row(String id, String channel, String to, String subject, String reason, String origin, String state,
               int attempts, Instant createdAt, Instant sentAt, String lastError) {
    }
}
