package dev.plumbline.app.api;

import dev.plumbline.app.notify.NotificationHistoryService;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.outbox.Notification.Origin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The notifications Plumbline sent or is sending (triggers, digests, tracked fixes, tests), from its outbox. For
 * administrators only: the history holds recipients' addresses and digests' subjects of every role.
 */
@Controller("/api/v1/notifications")
@Secured(Permission.ADMINISTER)
public class NotificationsController {

    static final int MAX_LIMIT = 1000;
    private final NotificationHistoryService notifications;

    public NotificationsController(NotificationHistoryService notifications) {
        this.notifications = notifications;
    }

    /**
     * The history, newest first: what was sent, to whom, why, its state (pending, sent, failed), attempts and last
     * error.
     *
     * @param from   recorded at or after this instant (default: 7 days before to)
     * @param to     recorded before this instant (default: now, included)
     * @param origin only notifications of this origin: trigger, digest, fix or test (default: all)
     * @param limit  at most this many, 1 to 1000 (default 100)
     */
    @Get
    public List<NotificationJson> history(@Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                                          @Nullable @QueryValue String origin,
                                          @QueryValue(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRefused.badRequest("limit", "must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        Origin of = origin(origin);
        try {
            return notifications.history(from, to, of, limit).stream().map(NotificationJson::of).toList();
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("from", e.getMessage());
        }
    }

    /**
     * Sends a failed notification again: it becomes pending, due now, with a new round of attempts; the delivery
     * worker sends it under the same idempotency key. Only a failed one is retried (409 otherwise).
     *
     * @param id the notification's id
     */
    @Post("/{id}/retry")
    @Status(HttpStatus.ACCEPTED)
    public NotificationJson retry(@PathVariable String id) {
        try {
            return NotificationJson.of(notifications.retry(id));
        } catch (NoSuchElementException e) {
            throw RequestRefused.notFound("id", e.getMessage());
        } catch (IllegalStateException e) {
            throw RequestRefused.conflict("id", e.getMessage());
        }
    }

    private static Origin origin(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Origin.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("origin", "must be one of trigger, digest, fix, test; was '" + value + "'");
        }
    }
}
