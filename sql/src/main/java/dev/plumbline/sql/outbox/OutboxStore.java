package dev.plumbline.sql.outbox;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import dev.plumbline.sql.outbox.Notification.Attachment;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox in ClickHouse: a notification is recorded here before anything sends it, and each change of its state
 * (sent, retried later, given up) is a new row version of the same id. Enqueueing an id that is already there keeps
 * the one there (whatever its state), so a cause seen twice (two evaluations, a restart) is sent once.
 */
public final class OutboxStore {

    private static final Instant NOT_SENT = Instant.EPOCH;
    private static final NamedQuery INSERT = NamedQuery.load(OutboxStore.class, "insert_outbox.sql");
    private static final NamedQuery ENTRY = NamedQuery.load(OutboxStore.class, "outbox_entry.sql");
    private static final NamedQuery DUE = NamedQuery.load(OutboxStore.class, "outbox_due.sql");
    private static final NamedQuery HISTORY = NamedQuery.load(OutboxStore.class, "outbox_history.sql");
    private static final NamedQuery ENQUEUED_BY = NamedQuery.load(OutboxStore.class, "outbox_enqueued_by.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public OutboxStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /**
     * Records {@code notification} as pending, due now, unless its id is in the outbox already.
     *
     * @return the entry as it stands: the new one, or the one recorded before under the same id
     */
    public OutboxEntry enqueue(Notification notification) {
        Optional<OutboxEntry> before = find(notification.id());
        if (before.isPresent()) {
            return before.get();
        }
        Instant now = clock.instant();
        OutboxEntry entry = new OutboxEntry(notification, now, State.PENDING, 0, now, "", null);
        write(entry);
        return entry;
    }

    /** The notification recorded under {@code id}, in its latest state. */
    public Optional<OutboxEntry> find(String id) {
        return clickHouse.queryOne(ENTRY, Params.of("id", id), OutboxStore::entry);
    }

    /** At most {@code limit} pending notifications due now, the longest waiting first. */
    public List<OutboxEntry> due(int limit) {
        return clickHouse.query(DUE, Params.of("now", clock.instant()).and("limit", limit), OutboxStore::entry);
    }

    /**
     * Notifications created in [from, to), newest first, at most {@code limit}; of {@code origin} unless null. An
     * attachment is named with its type, but its bytes are left out (empty): read one entry with {@link #find}.
     */
    public List<OutboxEntry> history(Instant from, Instant to, Notification.Origin origin, int limit) {
        return clickHouse.query(HISTORY, Params.of("from", from).and("to", to)
                .and("origin", origin == null ? "" : origin.name().toLowerCase(Locale.ROOT)).and("limit", limit),
                OutboxStore::entry);
    }

    /** A notification's id and when it was enqueued. */
    public record Enqueued(String id, Instant createdAt) {
    }

    /** What {@code origin}'s {@code originId} enqueued since {@code since}, oldest first, at most {@code limit}. */
    public List<Enqueued> enqueuedBy(Notification.Origin origin, String originId, Instant since, int limit) {
        return clickHouse.query(ENQUEUED_BY, Params.of("origin", origin.name().toLowerCase(Locale.ROOT))
                .and("origin_id", originId).and("since", since).and("limit", limit),
                row -> new Enqueued(row.getString("id"), row.getInstant("created_at")));
    }

    /** Marks {@code entry} sent now, after {@code attempts} attempts in all. */
    public OutboxEntry markSent(OutboxEntry entry, int attempts) {
        OutboxEntry sent = new OutboxEntry(entry.notification(), entry.createdAt(), State.SENT, attempts,
                entry.nextAttemptAt(), entry.lastError(), clock.instant());
        write(sent);
        return sent;
    }

    /** Keeps {@code entry} pending after a failed attempt, to try again at {@code nextAttemptAt}. */
    public OutboxEntry retryLater(OutboxEntry entry, int attempts, String error, Instant nextAttemptAt) {
        OutboxEntry later = new OutboxEntry(entry.notification(), entry.createdAt(), State.PENDING, attempts,
                nextAttemptAt, error, null);
        write(later);
        return later;
    }

    /** Gives up on {@code entry} after {@code attempts} failed attempts, keeping the last error. */
    public OutboxEntry giveUp(OutboxEntry entry, int attempts, String error) {
        OutboxEntry failed = new OutboxEntry(entry.notification(), entry.createdAt(), State.FAILED, attempts,
                entry.nextAttemptAt(), error, null);
        write(failed);
        return failed;
    }

    private void write(OutboxEntry entry) {
        Instant version = RowVersions.next(clock);
        clickHouse.insert(INSERT, List.of(entry), (e, c) -> {
            Notification n = e.notification();
            List<Attachment> files = n.attachments();
            c.set("id", n.id());
            c.set("row_version", version);
            c.set("created_at", e.createdAt());
            c.set("channel", lower(n.channel()));
            c.set("destination", n.destination());
            c.set("recipients", n.recipients());
            c.set("subject", n.subject());
            c.set("body", n.body());
            c.set("content_type", n.contentType());
            c.set("attachment_names", files.stream().map(Attachment::name).toList());
            c.set("attachment_types", files.stream().map(Attachment::contentType).toList());
            c.set("attachment_ids", files.stream().map(Attachment::contentId).toList());
            c.set("attachments", files.stream().map(f -> Base64.getEncoder().encodeToString(f.bytes())).toList());
            c.set("reason", n.reason());
            c.set("origin", lower(n.origin()));
            c.set("origin_id", n.originId());
            c.set("state", lower(e.state()));
            c.set("attempts", e.attempts());
            c.set("next_attempt_at", e.nextAttemptAt());
            c.set("last_error", e.lastError());
            c.set("sent_at", e.sentAt() == null ? NOT_SENT : e.sentAt());
        });
    }

    private static OutboxEntry entry(Row row) {
        List<String> names = row.getStrings("attachment_names");
        List<String> types = row.getStrings("attachment_types");
        List<String> ids = row.getStrings("attachment_ids");
        List<String> encoded = row.getStrings("attachments");
        List<Attachment> attachments = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            attachments.add(new Attachment(names.get(i), types.get(i), Base64.getDecoder().decode(encoded.get(i)),
                    ids.get(i)));
        }
        Notification notification = new Notification(row.getString("id"),
                Notification.Channel.valueOf(upper(row.getString("channel"))), row.getString("destination"),
                row.getStrings("recipients"), row.getString("subject"), row.getString("body"),
                row.getString("content_type"), attachments, row.getString("reason"),
                Notification.Origin.valueOf(upper(row.getString("origin"))), row.getString("origin_id"));
        Instant sentAt = row.getInstant("sent_at");
        return new OutboxEntry(notification, row.getInstant("created_at"), State.valueOf(upper(row.getString("state"))),
                row.getInt("attempts"), row.getInstant("next_attempt_at"), row.getString("last_error"),
                sentAt.equals(NOT_SENT) ? null : sentAt);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
