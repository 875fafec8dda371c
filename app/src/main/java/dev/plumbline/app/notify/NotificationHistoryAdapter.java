package dev.plumbline.app.notify;

import dev.plumbline.dashboards.notify.NotificationHistory;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Notifications page's view of the history: the same notifications as /api/v1/notifications. */
@Singleton
public class NotificationHistoryAdapter implements NotificationHistory {

    private final NotificationHistoryService notifications;

    public NotificationHistoryAdapter(NotificationHistoryService notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<Row> recent(String origin, int limit) {
        Origin of = origin == null ? null : Origin.valueOf(origin.toUpperCase(Locale.ROOT));
        return notifications.history(null, null, of, limit).stream().map(NotificationHistoryAdapter::row).toList();
    }

    @Override
    public void retry(String id) {
        notifications.retry(id);
    }

    private static Row row(OutboxEntry e) {
        Notification n = e.notification();
        List<String> to = new ArrayList<>();
        if (!n.destination().isEmpty()) {
            to.add(n.destination());
        }
        to.addAll(n.recipients());
        return new Row(n.id(), lower(n.channel()), String.join(", ", to), n.subject(), n.reason(), lower(n.origin()),
                lower(e.state()), e.attempts(), e.createdAt(), e.sentAt(), e.lastError());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
