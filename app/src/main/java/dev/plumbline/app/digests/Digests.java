package dev.plumbline.app.digests;

import dev.plumbline.app.security.RoleCatalog;
import dev.plumbline.sql.auth.User;
import dev.plumbline.sql.auth.UserStore;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.digests.DueRuns;
import dev.plumbline.sql.digests.Subscription;
import dev.plumbline.sql.digests.Subscription.Address;
import dev.plumbline.sql.digests.Subscription.Recipients;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a subscription's run into an e-mail notification in the outbox (the delivery worker sends it): written for
 * its {@link Reader}, under the run's deterministic id, so the same run enqueued twice is one mail.
 */
@Singleton
public class Digests {

    private final OutboxStore outbox;
    private final DigestContent content;
    private final UserStore users;
    private final RoleCatalog roles;
    private final Clock clock;

    public Digests(OutboxStore outbox, DigestContent content, UserStore users, RoleCatalog roles, Clock clock) {
        this.outbox = outbox;
        this.content = content;
        this.users = users;
        this.roles = roles;
        this.clock = clock;
    }

    /**
     * Whose view {@code s} is written for, at the time of asking: a user's current roles; empty when the user no
     * longer exists or is disabled (nothing is sent to them).
     */
    public Optional<Reader> reader(Subscription s) {
        return reader(s.recipients());
    }

    /** Whose view a digest to {@code recipients} is written for now; empty for a user who is gone or disabled. */
    public Optional<Reader> reader(Recipients recipients) {
        return switch (recipients.audience()) {
            case USER -> users.find(recipients.username()).filter(u -> !u.disabled())
                    .map(u -> Reader.user(u.username(), u.roles(), roles.permissionsOf(u.roles())));
            case ROLE -> Optional.of(Reader.role(recipients.role(), roles.permissionsOf(Set.of(recipients.role()))));
            case LIST -> {
                Map<String, Set<String>> byRole = new LinkedHashMap<>();
                for (Address a : recipients.addresses()) {
                    byRole.put(a.role(), roles.permissionsOf(Set.of(a.role())));
                }
                yield Optional.of(Reader.list(byRole));
            }
        };
    }

    /** The reader a user's own subscription would have now. */
    public Reader readerOf(User user) {
        return Reader.user(user.username(), user.roles(), roles.permissionsOf(user.roles()));
    }

    /** The digest {@code kind} as {@code reader} would get it if it ran now in {@code zone} (the page's preview). */
    public Mail preview(DigestKind kind, ZoneId zone, Reader reader) {
        return content.write(kind, clock.instant(), zone, reader);
    }

    /** Enqueues {@code s}'s scheduled run at {@code run}; empty when it has no reader (a removed user). */
    public Optional<OutboxEntry> enqueue(Subscription s, Instant run) {
        String id = DueRuns.notificationId(s.id(), run);
        Optional<OutboxEntry> there = outbox.find(id);
        if (there.isPresent()) {
            return there;
        }
        return reader(s).map(r -> outbox.enqueue(notification(s, id, run, r,
                s.kind().label() + " digest scheduled at " + run + " (" + s.schedule().text() + " in " + s.zone() + ")")));
    }

    /** Enqueues {@code s} now, outside its schedule (its id: the subscription and this instant, with "now"). */
    public Optional<OutboxEntry> sendNow(Subscription s, String by) {
        Instant now = clock.instant();
        String id = "digest:" + s.id() + ":now:" + now;
        return reader(s).map(r -> outbox.enqueue(notification(s, id, now, r,
                s.kind().label() + " digest sent now by " + by)));
    }

    private Notification notification(Subscription s, String id, Instant run, Reader reader, String reason) {
        Mail mail = content.write(s.kind(), run, s.zone(), reader);
        return new Notification(id, Notification.Channel.EMAIL, s.id(), s.recipients().emails(), mail.subject(),
                mail.html(), "text/html; charset=utf-8", mail.attachments(), reason, Notification.Origin.DIGEST, s.id());
    }
}
